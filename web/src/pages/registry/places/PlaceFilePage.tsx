import { Typography } from "antd";

/** 场所档案 (being built). */
export function PlaceFilePage() {
  return <Typography.Title level={3}>场所档案</Typography.Title>;
}
