import { Typography } from "antd";

/** 房屋档案 (being built). */
export function HouseFilePage() {
  return <Typography.Title level={3}>房屋档案</Typography.Title>;
}
