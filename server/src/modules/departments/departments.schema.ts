import { Type } from "typebox";

export const DepartmentView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
});

export const DepartmentList = Type.Object({ items: Type.Array(DepartmentView) });
