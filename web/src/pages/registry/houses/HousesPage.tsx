import { Typography } from "antd";

/** 房屋 (being built). */
export function HousesPage() {
  return <Typography.Title level={3}>房屋</Typography.Title>;
}
