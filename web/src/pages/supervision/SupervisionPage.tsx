import { Typography } from "antd";

/** 督办 (being built). */
export function SupervisionPage() {
  return <Typography.Title level={3}>督办</Typography.Title>;
}
