import {
  ApartmentOutlined,
  AuditOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  KeyOutlined,
  QuestionCircleOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Menu, type MenuProps } from "antd";
import type { ReactNode } from "react";
import { useLocation, useNavigate } from "react-router";
import { useT } from "../i18n/I18nProvider";
import { menuFor, selectedMenuKey, type MenuIcon } from "./menu";

const ICONS: Record<MenuIcon, ReactNode> = {
  home: <HomeOutlined />,
  map: <EnvironmentOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
  key: <KeyOutlined />,
  areas: <ApartmentOutlined />,
  unassigned: <QuestionCircleOutlined />,
};

type Item = Required<MenuProps>["items"][number];

/** The side menu for the user's roles. */
export function SideMenu({ roles }: { roles: readonly string[] }) {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = menuFor(roles);

  const items: Item[] = [];
  const adminItems: Item[] = [];
  for (const entry of entries) {
    const item: Item = { key: entry.path, icon: ICONS[entry.icon], label: t(entry.labelKey) };
    (entry.group === "admin" ? adminItems : items).push(item);
  }
  if (adminItems.length > 0) {
    items.push({ type: "group", key: "admin", label: t("nav.admin"), children: adminItems });
  }
  const selected = selectedMenuKey(pathname, entries);

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: "none" }}
    />
  );
}
