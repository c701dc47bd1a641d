import { AuditOutlined, ClockCircleOutlined, TeamOutlined } from "@ant-design/icons";
import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useT } from "../../i18n/I18nProvider";
import { roleLabel } from "../../i18n/translate";
import { useMe } from "../../session/SessionProvider";
import { pendingCardsFor } from "./role-cards";
import { SystemStatusCard } from "./SystemStatusCard";

function LinkCard({ to, icon, title, text }: { to: string; icon: ReactNode; title: string; text: string }) {
  const t = useT();
  return (
    <Card
      title={
        <span>
          {icon} {title}
        </span>
      }
      extra={<Link to={to}>{t("home.open")}</Link>}
      style={{ height: "100%" }}
    >
      <Typography.Text type="secondary">{text}</Typography.Text>
    </Card>
  );
}

/** `/`: a greeting with roles and scope, then one card per thing each role will look at here. */
export function HomePage() {
  const t = useT();
  const me = useMe();
  const isAdmin = me.roles.includes("admin");
  const pending = pendingCardsFor(me.roles);

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t("home.greeting", { name: me.user.displayName })}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: "roles",
              label: t("home.roles"),
              children: me.roles.length
                ? me.roles.map((r) => (
                    <Tag key={r} color="blue">
                      {roleLabel(t, r)}
                    </Tag>
                  ))
                : t("common.none"),
            },
            {
              key: "scope",
              label: t("home.scope"),
              children: me.scope?.name ?? t("header.scopeAll"),
            },
            {
              key: "scopes",
              label: t("home.scopes"),
              children: me.scopes.length ? me.scopes.map((a) => a.name).join("、") : t("common.none"),
            },
            {
              key: "department",
              label: t("home.department"),
              children: me.user.department ?? t("common.none"),
            },
          ]}
        />
        {me.roles.length === 0 ? <Alert type="warning" showIcon title={t("home.noRole")} /> : null}
      </Card>

      <Row gutter={[16, 16]}>
        {isAdmin ? (
          <>
            <Col xs={24} md={12} xl={8}>
              <LinkCard
                to="/admin/users"
                icon={<TeamOutlined />}
                title={t("card.admin.users")}
                text={t("card.admin.usersDesc")}
              />
            </Col>
            <Col xs={24} md={12} xl={8}>
              <LinkCard
                to="/admin/audit"
                icon={<AuditOutlined />}
                title={t("card.admin.audit")}
                text={t("card.admin.auditDesc")}
              />
            </Col>
            <Col xs={24} md={12} xl={8}>
              <SystemStatusCard />
            </Col>
          </>
        ) : null}
        {pending.map((card) => (
          <Col key={card.titleKey} xs={24} md={12} xl={8}>
            <Card
              title={
                <span>
                  <ClockCircleOutlined /> {t(card.titleKey)}
                </span>
              }
              style={{ height: "100%" }}
            >
              <Typography.Text type="secondary">
                {t("home.pending", { module: t(card.moduleKey) })}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
