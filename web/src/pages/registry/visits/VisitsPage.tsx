import { Typography } from "antd";

/** 走访 (being built). */
export function VisitsPage() {
  return <Typography.Title level={3}>走访</Typography.Title>;
}
