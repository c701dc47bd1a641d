import { Card, Table, Typography } from "antd";
import type { DemoAccount } from "../../api/types";
import { useT } from "../../i18n/I18nProvider";
import { roleLabel } from "../../i18n/translate";

/** Lists the demo accounts; clicking a username fills the login form. */
export function DemoAccountsCard({
  accounts,
  onPick,
}: {
  accounts: readonly DemoAccount[];
  onPick: (account: DemoAccount) => void;
}) {
  const t = useT();
  const withPasswords = accounts.some((a) => a.password);
  return (
    <Card size="small" title={t("login.demoTitle")} style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t("login.demoHint")}
        {withPasswords ? "" : ` ${t("login.demoPasswordNote")}`}
      </Typography.Paragraph>
      <Table<DemoAccount>
        size="small"
        pagination={false}
        rowKey="username"
        dataSource={[...accounts]}
        columns={[
          {
            title: t("login.demoAccount"),
            dataIndex: "username",
            render: (username: string, account) => (
              <Typography.Link code onClick={() => onPick(account)}>
                {username}
              </Typography.Link>
            ),
          },
          {
            title: t("login.demoRole"),
            dataIndex: "role",
            render: (role: string) => roleLabel(t, role),
          },
          ...(withPasswords
            ? [
                {
                  title: t("login.demoPassword"),
                  dataIndex: "password",
                  render: (p?: string) => <code>{p ?? ""}</code>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
