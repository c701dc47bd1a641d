import { Button, Result } from "antd";
import { Link, Outlet } from "react-router";
import { useT } from "../i18n/I18nProvider";
import { useMe } from "../session/SessionProvider";

/** Shows nested routes only to users holding one of `roles`; the server enforces the same rule. */
export function RequireRole({ roles }: { roles: readonly string[] }) {
  const t = useT();
  const me = useMe();
  if (!me.roles.some((r) => roles.includes(r))) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t("error.forbidden")}
        extra={
          <Link to="/">
            <Button type="primary">{t("common.backHome")}</Button>
          </Link>
        }
      />
    );
  }
  return <Outlet />;
}
