import { Typography } from "antd";

/** 导入导出 (being built). */
export function ImportsPage() {
  return <Typography.Title level={3}>导入导出</Typography.Title>;
}
