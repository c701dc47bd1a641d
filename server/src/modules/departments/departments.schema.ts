import { Type } from "typebox";

export const DepartmentView = Type.Object({
  /** The id dispatch units and consultation parties name a department by. */
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
});

export const DepartmentList = Type.Object({ items: Type.Array(DepartmentView) });
