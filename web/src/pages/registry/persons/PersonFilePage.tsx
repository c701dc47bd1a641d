import { Typography } from "antd";

/** 人员档案 (being built). */
export function PersonFilePage() {
  return <Typography.Title level={3}>人员档案</Typography.Title>;
}
