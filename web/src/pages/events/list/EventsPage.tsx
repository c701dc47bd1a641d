import { Typography } from "antd";

/** 事件列表 (being built). */
export function EventsPage() {
  return <Typography.Title level={3}>事件列表</Typography.Title>;
}
