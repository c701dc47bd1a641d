import "../registry.css";
import { RightOutlined, TeamOutlined } from "@ant-design/icons";
import { Card, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import type { HouseholdSummary } from "../../../api/registry-types";
import { useT } from "../../../i18n/I18nProvider";

/** The flags a household shows: floating residents, someone living alone, a key person (never which kind). */
export function HouseholdFlags({ household }: { household: HouseholdSummary }) {
  const t = useT();
  const f = household.flags;
  if (!f) return null;
  return (
    <>
      {f.floating ? <Tag color="orange">{t("registry.household.flag.floating")}</Tag> : null}
      {f.livesAlone ? <Tag color="magenta">{t("registry.household.flag.livesAlone")}</Tag> : null}
      {f.keyPerson ? <Tag color="red">{t("registry.household.flag.keyPerson")}</Tag> : null}
      {f.elderly ? <Tag color="geekblue">{t("registry.household.flag.elderly")}</Tag> : null}
      {f.minors ? <Tag color="cyan">{t("registry.household.flag.minors")}</Tag> : null}
    </>
  );
}

/** A household as a card on a phone: head, address, member count and flags; the whole card opens the file. */
export function HouseholdCard({ household }: { household: HouseholdSummary }) {
  const t = useT();
  return (
    <Link to={`/registry/households/${encodeURIComponent(household.id)}`} className="registry-card-link">
      <Card size="small" hoverable styles={{ body: { padding: "12px 14px" } }}>
        <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Space size={6} wrap>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {household.head?.name ?? t("registry.household.noHead")}
              </Typography.Text>
              <Tag icon={<TeamOutlined />} style={{ marginInlineEnd: 0 }}>
                {t("registry.household.members", { count: household.memberCount })}
              </Tag>
              <HouseholdFlags household={household} />
            </Space>
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2 }}
              style={{ margin: "4px 0 0", fontSize: 13 }}
            >
              {household.address ?? t("registry.household.noAddress")}
            </Typography.Paragraph>
            {household.code || household.area?.name ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[
                  household.code ? t("registry.household.codeShort", { code: household.code }) : null,
                  household.area?.name,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Typography.Text>
            ) : null}
          </div>
          <RightOutlined style={{ color: "#bbb" }} />
        </div>
      </Card>
    </Link>
  );
}
