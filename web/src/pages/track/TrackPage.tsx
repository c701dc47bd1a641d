import { Typography } from "antd";

/** 事件进度查询 (being built). */
export function TrackPage() {
  return <Typography.Title level={3}>事件进度查询</Typography.Title>;
}
