/**
 * Starting an import: the file is checked to be xlsx or CSV, sealed into the file store, and an
 * import row opened in `validating`, with the job that validates it. The same file (same bytes,
 * kind and default area) already imported or still running answers that import instead.
 */
import { authorize, can } from "../../../core/authorize";
import { recordAudit } from "../../../core/audit";
import type { Ctx } from "../../../core/context";
import { AppError } from "../../../core/errors";
import { sha256 } from "../../../core/files";
import { enqueueJob } from "../../../core/jobs";
import { localDate } from "../../../core/time";
import * as areasRepo from "../../areas/areas.repo";
import { areaOutOfScope } from "../registry.errors";
import type { ImportKind } from "./columns";
import * as repo from "./import.repo";
import { sniffFormat } from "./read-rows";
import { storeImportFile } from "./store-file";

export const IMPORT_JOB = "registry.import";

export interface StartImportInput {
  kind: ImportKind;
  fileName: string;
  bytes: Buffer;
  /** The area for rows that name none (所属网格编码 empty, no point, no known house). */
  areaCode?: string;
  /** Enqueue the job that runs it (the CLI runs it itself). */
  enqueue?: boolean;
}

/** Opens an import (or finds the same file's earlier one: `reused`). */
export async function startImport(
  ctx: Ctx,
  input: StartImportInput,
): Promise<{ id: string; reused: boolean }> {
  authorize(ctx.actor, "registry.import");
  if (input.bytes.length === 0)
    throw new AppError("FILE_EMPTY", 400, { zh: "文件为空", en: "The file is empty" }, "file");
  const format = sniffFormat(input.bytes.subarray(0, 4096));
  if (typeof format !== "string") throw new AppError("FILE_TYPE_NOT_ALLOWED", 415, format.problem, "file");
  let area: areasRepo.AreaRow | undefined;
  if (input.areaCode) {
    area = await areasRepo.findByCode(ctx.tx, input.areaCode);
    const today = localDate(ctx.clock.now(), ctx.services.config.timeZone);
    if (!area || (area.validTo && area.validTo <= today)) throw areaOutOfScope("areaCode");
    if (!can(ctx.actor, "registry.import", { areaPath: area.path })) throw areaOutOfScope("areaCode");
  }
  const digest = sha256(input.bytes);
  const same = await repo.findSameFile(ctx.tx, input.kind, digest, area?.id ?? null);
  if (
    same &&
    (same.createdBy === ctx.actor.userId ||
      ctx.actor.allAreas ||
      (same.areaPath && can(ctx.actor, "registry.import", { areaPath: same.areaPath })))
  )
    return { id: same.id, reused: true };
  const at = ctx.clock.now();
  const fileId = await storeImportFile(ctx.services, ctx.tx, {
    bytes: input.bytes,
    name: input.fileName,
    userId: ctx.actor.userId,
    at,
  });
  const row = await repo.insert(ctx.tx, {
    kind: input.kind,
    fileId,
    fileDigest: digest,
    fileName: input.fileName.slice(0, 200) || null,
    status: "validating",
    areaId: area?.id ?? null,
    createdBy: ctx.actor.userId,
    createdAt: at,
  });
  if (input.enqueue !== false)
    await enqueueJob(ctx.tx, {
      kind: IMPORT_JOB,
      payload: { importId: row.id },
      runAt: at,
      dedupeKey: `${IMPORT_JOB}:${row.id}:start`,
      maxAttempts: 3,
    });
  await recordAudit(ctx, {
    action: "registry.import_requested",
    subjectType: "registry_import",
    subjectId: row.id,
    after: {
      kind: input.kind,
      fileName: row.fileName,
      fileDigest: digest,
      size: input.bytes.length,
      format,
      area: input.areaCode ?? null,
    },
  });
  return { id: row.id, reused: false };
}
