import type { AreaChange } from "../../../api/area-types";
import type { MessageKey, Vars } from "../../../i18n/translate";

export interface ChangeText {
  key: MessageKey;
  vars?: Vars;
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");
const list = (v: unknown) => (Array.isArray(v) ? v.map(str).filter(Boolean).join("、") : str(v));
/** The parent's code on a materialised path (`/a/b/c/` → `b`); '' for a root. */
const parentCode = (path: unknown) => {
  const codes = str(path).split("/").filter(Boolean);
  return codes.length > 1 ? codes[codes.length - 2] : "";
};

/**
 * What one history entry says, as an i18n key and its values: a rename shows both names, a move
 * the old and new parent, a split or merge the other areas; geometry is never printed.
 */
export function describeChange(change: AreaChange): ChangeText {
  const before = change.before ?? {};
  const after = change.after ?? {};
  switch (change.kind) {
    case "imported":
      return { key: "history.imported", vars: { name: str(after.name) } };
    case "renamed":
      return { key: "history.renamed", vars: { from: str(before.name), to: str(after.name) } };
    case "redrawn":
      return before.name !== undefined && after.name !== undefined && before.name !== after.name
        ? { key: "history.redrawnRenamed", vars: { from: str(before.name), to: str(after.name) } }
        : { key: "history.redrawn" };
    case "moved":
      return { key: "history.moved", vars: { from: parentCode(before.path), to: parentCode(after.path) } };
    case "split":
      if (after.parts !== undefined) return { key: "history.splitInto", vars: { parts: list(after.parts) } };
      return { key: "history.splitFrom", vars: { from: str(before.from) } };
    case "merged":
      if (after.into !== undefined) return { key: "history.mergedInto", vars: { into: str(after.into) } };
      return { key: "history.mergedAbsorbed", vars: { codes: list(after.absorbed) } };
    default:
      return { key: "history.other", vars: { kind: change.kind } };
  }
}

/** The colour of a history entry's dot: retiring changes red, geometry blue, the rest grey or green. */
export function changeColor(kind: string): string {
  if (kind === "split" || kind === "merged") return "red";
  if (kind === "redrawn" || kind === "moved") return "blue";
  if (kind === "imported") return "green";
  return "gray";
}
