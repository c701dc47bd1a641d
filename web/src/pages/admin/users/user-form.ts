import type { UpdateUserInput, UserRow } from "../../../api/types";

export interface UserFormValues {
  username: string;
  displayName: string;
  password?: string;
  roles: string[];
  scopeCodes: string[];
  /** A department code; a cleared select gives undefined (or null). */
  department?: string | null;
  disabled?: boolean;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * The PATCH body for an edit: only the fields that changed; the department is compared by code
 * and a cleared one is sent as null; a non-empty password is an administrator's reset.
 */
export function buildUserPatch(user: UserRow, values: UserFormValues): UpdateUserInput {
  const patch: UpdateUserInput = {};
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) patch.displayName = displayName;
  if (!sameSet(values.roles, user.roles)) patch.roles = values.roles;
  const scopeCodes = values.scopeCodes.map((c) => c.trim()).filter(Boolean);
  if (
    !sameSet(
      scopeCodes,
      user.scopes.map((a) => a.code),
    )
  )
    patch.scopeCodes = scopeCodes;
  const department = values.department || null;
  if (department !== user.departmentCode) patch.department = department;
  if (values.disabled !== undefined && values.disabled !== user.disabled) patch.disabled = values.disabled;
  if (values.password) patch.password = values.password;
  return patch;
}
