import { Typography } from "antd";

/** 人员 (being built). */
export function PersonsPage() {
  return <Typography.Title level={3}>人员</Typography.Title>;
}
