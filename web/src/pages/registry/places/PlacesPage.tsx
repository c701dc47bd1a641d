import { Typography } from "antd";

/** 场所 (being built). */
export function PlacesPage() {
  return <Typography.Title level={3}>场所</Typography.Title>;
}
