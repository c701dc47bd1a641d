import { Typography } from "antd";

/** 事件配置 (being built). */
export function EventConfigPage() {
  return <Typography.Title level={3}>事件配置</Typography.Title>;
}
