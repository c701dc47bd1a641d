import { Typography } from "antd";

/** 重点人员 (being built). */
export function KeyPersonsPage() {
  return <Typography.Title level={3}>重点人员</Typography.Title>;
}
