import { Typography } from "antd";

/** 住户（一户一档） (being built). */
export function HouseholdsPage() {
  return <Typography.Title level={3}>住户（一户一档）</Typography.Title>;
}
