import { Typography } from "antd";

/** 调度台 (being built). */
export function DispatchBoardPage() {
  return <Typography.Title level={3}>调度台</Typography.Title>;
}
