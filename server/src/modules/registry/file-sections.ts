import type { Ctx } from "../../core/context";

/** What a registry file (全息档案) can be about. */
export type FileSubject = "person" | "household" | "house" | "place" | "thing" | "building";

/** One block of a file, contributed by some module: events, disputes, visits, alerts… */
export interface FileSection {
  /** Stable key, e.g. "events"; the console picks its renderer by it. */
  key: string;
  title: { zh: string; en: string };
  /** Total linked records (the items may be the latest few). */
  total: number;
  items: {
    id: string;
    title: string;
    at: string | null;
    status?: string;
    href?: string;
  }[];
}

export type FileSectionProvider = (
  ctx: Ctx,
  subject: { type: FileSubject; id: string },
) => Promise<FileSection | null>;

const providers: { key: string; subjects: FileSubject[]; provide: FileSectionProvider }[] = [];

/**
 * Modules register what they link to registry records; the registry lists the sections without
 * knowing the modules. A provider checks the actor's rights itself and returns null when it has
 * nothing the actor may see.
 */
export function registerFileSection(
  key: string,
  subjects: FileSubject[],
  provide: FileSectionProvider,
): void {
  const existing = providers.findIndex((p) => p.key === key);
  if (existing >= 0) providers.splice(existing, 1);
  providers.push({ key, subjects, provide });
}

/** Every registered section for the subject, in registration order. */
export async function fileSections(
  ctx: Ctx,
  subject: { type: FileSubject; id: string },
): Promise<FileSection[]> {
  const out: FileSection[] = [];
  for (const p of providers.filter((p) => p.subjects.includes(subject.type))) {
    const section = await p.provide(ctx, subject);
    if (section) out.push(section);
  }
  return out;
}
