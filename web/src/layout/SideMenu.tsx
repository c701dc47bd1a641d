import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FormOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  ProfileOutlined,
  QuestionCircleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
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
  household: <HomeOutlined />,
  person: <IdcardOutlined />,
  house: <BankOutlined />,
  place: <ShopOutlined />,
  keyPerson: <HeartOutlined />,
  visit: <CarryOutOutlined />,
  import: <CloudUploadOutlined />,
  report: <FormOutlined />,
  board: <DashboardOutlined />,
  events: <UnorderedListOutlined />,
  tasks: <ProfileOutlined />,
  supervision: <AlertOutlined />,
  config: <SettingOutlined />,
};

const GROUPS = ["events", "registry", "admin"] as const;

type Item = Required<MenuProps>["items"][number];

/** The side menu for the user's roles. */
export function SideMenu({ roles }: { roles: readonly string[] }) {
  const t = useT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = menuFor(roles);

  const items: Item[] = [];
  const grouped: Record<(typeof GROUPS)[number], Item[]> = { events: [], registry: [], admin: [] };
  for (const entry of entries) {
    const item: Item = { key: entry.path, icon: ICONS[entry.icon], label: t(entry.labelKey) };
    (entry.group ? grouped[entry.group] : items).push(item);
  }
  for (const g of GROUPS)
    if (grouped[g].length > 0)
      items.push({ type: "group", key: `group:${g}`, label: t(`nav.group.${g}`), children: grouped[g] });
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
