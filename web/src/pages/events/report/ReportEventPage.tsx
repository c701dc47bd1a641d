import { Typography } from "antd";

/** 事件上报 (being built). */
export function ReportEventPage() {
  return <Typography.Title level={3}>事件上报</Typography.Title>;
}
