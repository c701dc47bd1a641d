import { Typography } from "antd";

/** 我的任务 (being built). */
export function TasksPage() {
  return <Typography.Title level={3}>我的任务</Typography.Title>;
}
