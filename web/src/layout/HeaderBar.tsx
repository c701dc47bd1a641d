import {
  DownOutlined,
  EnvironmentOutlined,
  LockOutlined,
  LogoutOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { App, Dropdown, Space, Typography } from "antd";
import { useNavigate } from "react-router";
import type { Me } from "../api/types";
import { NotificationBell } from "../components/events/NotificationBell";
import { LangSwitch } from "../components/LangSwitch";
import { useT } from "../i18n/I18nProvider";
import { useSession } from "../session/SessionProvider";

/** Top bar: product name, scope, user menu (change password, log out) and language switch. */
export function HeaderBar({ me }: { me: Me }) {
  const t = useT();
  const navigate = useNavigate();
  const { logout } = useSession();
  const { message } = App.useApp();

  const onMenu = async ({ key }: { key: string }) => {
    if (key === "password") {
      navigate("/account/password");
    } else if (key === "logout") {
      await logout();
      message.success(t("header.loggedOut"));
      navigate("/login", { replace: true });
    }
  };

  return (
    <div style={{ display: "flex", alignItems: "center", gap: 16, height: "100%", color: "#fff" }}>
      <Typography.Text strong style={{ color: "#fff", fontSize: 17, whiteSpace: "nowrap" }}>
        {t("app.name")}
      </Typography.Text>
      <span style={{ flex: 1 }} />
      <Space size={4} style={{ opacity: 0.9, whiteSpace: "nowrap" }}>
        <EnvironmentOutlined />
        {me.scope ? t("header.scope", { name: me.scope.name }) : t("header.scopeAll")}
      </Space>
      <NotificationBell />
      <Dropdown
        trigger={["click"]}
        menu={{
          onClick: (info) => void onMenu(info),
          items: [
            { key: "password", icon: <LockOutlined />, label: t("header.changePassword") },
            { type: "divider" },
            { key: "logout", icon: <LogoutOutlined />, label: t("header.logout"), danger: true },
          ],
        }}
      >
        <a role="button" style={{ color: "#fff", whiteSpace: "nowrap" }} data-testid="user-menu">
          <Space size={6}>
            <UserOutlined />
            {me.user.displayName}
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </a>
      </Dropdown>
      <LangSwitch compact />
    </div>
  );
}
