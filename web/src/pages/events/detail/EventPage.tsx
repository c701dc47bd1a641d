import { Typography } from "antd";

/** 事件详情 (being built). */
export function EventPage() {
  return <Typography.Title level={3}>事件详情</Typography.Title>;
}
