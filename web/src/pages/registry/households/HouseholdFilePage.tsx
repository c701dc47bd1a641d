import { Typography } from "antd";

/** 住户档案 (being built). */
export function HouseholdFilePage() {
  return <Typography.Title level={3}>住户档案</Typography.Title>;
}
