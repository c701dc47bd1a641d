import { Typography } from "antd";

/** 重点人员档案 (being built). */
export function KeyPersonFilePage() {
  return <Typography.Title level={3}>重点人员档案</Typography.Title>;
}
