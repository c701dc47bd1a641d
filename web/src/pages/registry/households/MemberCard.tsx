import { EditOutlined, UserDeleteOutlined } from "@ant-design/icons";
import { Button, Card, Popconfirm, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import type { MemberView } from "../../../api/registry-types";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { codeText } from "../shared/codes";
import { MaskedValue } from "../shared/MaskedValue";
import { PersonTags, sexAge } from "../shared/PersonTags";
import { revealPerson } from "../shared/registry-api";

/** The relation to the head in the UI language (the server labels it in Chinese only). */
export function relationText(
  m: Pick<MemberView, "relation" | "relationLabel">,
  lang: "zh-CN" | "en-US",
): string {
  return codeText("household-relation", m.relation, lang) ?? m.relationLabel ?? m.relation;
}

/**
 * One member of a household on its file: relation, name (to the person's file), sex and age, the
 * masked phone with an audited reveal, tags, and for editors a quick edit and taking them out.
 */
export function MemberCard({
  member,
  canEdit,
  onEdit,
  onRemove,
}: {
  member: MemberView;
  canEdit: boolean;
  onEdit: () => void;
  onRemove: () => Promise<void>;
}) {
  const t = useT();
  const { lang } = useLang();
  const p = member.person;
  const relation = (
    <Tag color={["01", "02"].includes(member.relation) ? "blue" : undefined} style={{ marginInlineEnd: 0 }}>
      {relationText(member, lang)}
    </Tag>
  );
  if (!p)
    return (
      <Card size="small">
        <Space>
          {relation}
          <Typography.Text type="secondary">{t("registry.member.outOfScope")}</Typography.Text>
        </Space>
      </Card>
    );
  const editable = canEdit && p.can.edit;
  return (
    <Card
      size="small"
      style={{ height: "100%" }}
      styles={{ body: { padding: "10px 14px" } }}
      actions={
        editable
          ? [
              <Button key="edit" type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
                {t("registry.member.quickEdit")}
              </Button>,
              <Popconfirm
                key="remove"
                title={t("registry.member.removeConfirm", { name: p.name })}
                description={t("registry.member.removeHint")}
                onConfirm={onRemove}
              >
                <Button type="link" size="small" danger icon={<UserDeleteOutlined />}>
                  {t("registry.member.remove")}
                </Button>
              </Popconfirm>,
            ]
          : undefined
      }
    >
      <Space size={6} wrap>
        {relation}
        <Link to={`/registry/persons/${encodeURIComponent(p.id)}`}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {p.name}
          </Typography.Text>
        </Link>
        <Typography.Text type="secondary">
          {sexAge(p, lang, (age) => t("registry.person.age", { age }))}
        </Typography.Text>
        <PersonTags person={p} />
      </Space>
      <div style={{ marginTop: 6, fontSize: 13 }}>
        <Space size={4} wrap>
          <Typography.Text type="secondary">
            {t("registry.labelled", { label: t("registry.field.phone") })}
          </Typography.Text>
          <MaskedValue
            masked={p.phone}
            canReveal={p.can.reveal}
            title={t("registry.reveal.titlePhone", { name: p.name })}
            reveal={(reason) => revealPerson(p.id, "phone", reason)}
          />
        </Space>
      </div>
      {p.occupation || p.workplace ? (
        <div style={{ fontSize: 13 }}>
          <Typography.Text type="secondary">
            {t("registry.labelled", { label: t("registry.field.occupation") })}
          </Typography.Text>
          {[p.occupation, p.workplace].filter(Boolean).join(" · ")}
        </div>
      ) : null}
    </Card>
  );
}
