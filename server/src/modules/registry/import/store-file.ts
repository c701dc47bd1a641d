/**
 * Import files hold ID numbers and phones in clear, so they go to the file store sealed with the
 * platform's key (the plain file's digest is kept on the import for "same file again"); the
 * generic file download then yields only ciphertext.
 */
import type { Services } from "../../../core/context";
import { sha256 } from "../../../core/files";
import type { Executor } from "../../../db/database";
import { files } from "../../../db/schema";

const SEALED_MIME = "application/octet-stream";

/** Seals and stores an import file; records it in `files`; returns its file id. */
export async function storeImportFile(
  services: Services,
  tx: Executor,
  o: { bytes: Buffer; name: string; userId: string | null; at: Date },
): Promise<string> {
  const sealed = Buffer.from(services.keyring.encrypt(o.bytes.toString("base64")), "utf8");
  const id = sha256(sealed);
  await services.files.put(id, sealed, SEALED_MIME);
  await tx
    .insert(files)
    .values({
      id,
      size: sealed.length,
      mime: SEALED_MIME,
      originalName: `${o.name.slice(0, 190)}.sealed`,
      storage: services.files.kind,
      createdBy: o.userId,
      createdAt: o.at,
    })
    .onConflictDoNothing();
  return id;
}

/** The plain bytes of a stored import file. */
export async function openImportFile(services: Services, fileId: string): Promise<Buffer> {
  const sealed = await services.files.get(fileId);
  if (!sealed) throw new Error(`The import file ${fileId} is missing from the file store`);
  return Buffer.from(services.keyring.decrypt(sealed.toString("utf8")), "base64");
}
