import { CarryOutOutlined, HomeOutlined, UserAddOutlined } from "@ant-design/icons";
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Flex,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api } from "../../../api/client";
import type { HouseholdFile, PersonView } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { useErrorText } from "../../../i18n/error-text";
import { useMe } from "../../../session/SessionProvider";
import { PersonEditDrawer } from "../persons/PersonEditDrawer";
import { FileSections } from "../shared/FileSections";
import { HistoryTimeline } from "../shared/HistoryTimeline";
import { HouseSummaryCard } from "../shared/HouseSummaryCard";
import { statusLabel } from "../shared/labels";
import { recordPath } from "../shared/links";
import { recordUrl } from "../shared/registry-api";
import { useIsPhone } from "../shared/use-phone";
import { VisitDrawer } from "../shared/VisitDrawer";
import { AddMemberDrawer } from "./AddMemberDrawer";
import { MemberCard, relationText } from "./MemberCard";

const VISIT_ROLES = ["admin", "dispatcher", "grid_worker", "police", "mediator"];

/**
 * `/registry/households/:id`: one household's file (一户一档): members with their relation, quick
 * edits on a phone, adding and taking out members, recording a visit, the house, what other modules
 * link to the household, and its history.
 */
export function HouseholdFilePage() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const isPhone = useIsPhone();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { id = "" } = useParams();
  const url = recordUrl("households", id, "/file");
  const file = useRemote(url, () => api.get<HouseholdFile>(url));
  const [editing, setEditing] = useState<{ key: number; person: PersonView | null }>({
    key: 0,
    person: null,
  });
  const [adding, setAdding] = useState(0);
  const [visiting, setVisiting] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);

  if (file.error) return <ErrorAlert error={file.error} onRetry={file.reload} />;
  if (!file.data) return <Spin />;
  const household = file.data.household;
  const canEdit = household.can.edit;
  const canVisit = household.status === "active" && me.roles.some((r) => VISIT_ROLES.includes(r));

  const changed = () => {
    setHistoryKey((k) => k + 1);
    file.reload();
  };

  const remove = async (personId: string, name: string) => {
    try {
      await api.del(recordUrl("households", household.id, `/members/${encodeURIComponent(personId)}`));
      message.success(t("registry.member.removed", { name }));
      changed();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const title = household.head
    ? t("registry.household.fileTitle", { name: household.head.name })
    : t("registry.household.fileTitleNoHead");

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          { key: "list", title: <Link to="/registry/households">{t("nav.households")}</Link> },
          { key: "file", title },
        ]}
      />
      <Card
        size="small"
        title={
          <Space size={6} wrap>
            <HomeOutlined />
            <span>{title}</span>
            {household.status !== "active" ? <Tag>{statusLabel(t, household.status)}</Tag> : null}
          </Space>
        }
        extra={
          isPhone ? null : (
            <Space>
              {canVisit ? (
                <Button icon={<CarryOutOutlined />} onClick={() => setVisiting(true)}>
                  {t("registry.visit.record")}
                </Button>
              ) : null}
              {canEdit ? (
                <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding((n) => n + 1)}>
                  {t("registry.member.add")}
                </Button>
              ) : null}
            </Space>
          )
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t("registry.field.address")}>
            {household.address ?? t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.household.code")}>
            {household.code ?? t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.field.area")}>
            {household.area?.name ?? t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.household.memberCount")}>
            {household.members.length}
          </Descriptions.Item>
          {household.note ? (
            <Descriptions.Item label={t("registry.field.note")}>{household.note}</Descriptions.Item>
          ) : null}
        </Descriptions>
        {isPhone && (canVisit || canEdit) ? (
          <Flex gap={8} style={{ marginTop: 8 }}>
            {canVisit ? (
              <Button block icon={<CarryOutOutlined />} onClick={() => setVisiting(true)}>
                {t("registry.visit.record")}
              </Button>
            ) : null}
            {canEdit ? (
              <Button block type="primary" icon={<UserAddOutlined />} onClick={() => setAdding((n) => n + 1)}>
                {t("registry.member.add")}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Card>

      <Card size="small" title={t("registry.household.membersTitle", { count: household.members.length })}>
        {household.members.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.household.noMembers")} />
        ) : (
          <Row gutter={[8, 8]}>
            {household.members.map((m) => (
              <Col key={m.personId} xs={24} md={12} xxl={8}>
                <MemberCard
                  member={m}
                  canEdit={canEdit}
                  onEdit={() => setEditing((e) => ({ key: e.key + 1, person: m.person }))}
                  onRemove={() => remove(m.personId, m.person?.name ?? "")}
                />
              </Col>
            ))}
          </Row>
        )}
        {household.formerMembers.length > 0 ? (
          <Collapse
            ghost
            size="small"
            style={{ marginTop: 8 }}
            items={[
              {
                key: "former",
                label: t("registry.household.formerMembers", { count: household.formerMembers.length }),
                children: household.formerMembers.map((m) => (
                  <div key={`${m.personId}-${m.leftOn}`} style={{ padding: "2px 0" }}>
                    <Tag>{relationText(m, lang)}</Tag>
                    {m.person ? (
                      <Link to={recordPath("persons", m.personId)}>{m.person.name}</Link>
                    ) : (
                      t("registry.member.outOfScope")
                    )}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {t("registry.household.memberSpan", { from: m.joinedOn ?? "…", to: m.leftOn ?? "…" })}
                    </Typography.Text>
                  </div>
                )),
              },
            ]}
          />
        ) : null}
      </Card>

      <HouseSummaryCard house={file.data.house} />
      <FileSections sections={file.data.sections} />

      <Collapse
        size="small"
        items={[
          {
            key: "history",
            label: t("registry.history.title"),
            children: (
              <HistoryTimeline
                url={recordUrl("households", household.id, "/history")}
                reloadKey={historyKey}
              />
            ),
          },
        ]}
      />

      <PersonEditDrawer
        key={`edit-${editing.key}`}
        person={editing.person}
        open={editing.person !== null && editing.key > 0}
        onClose={() => setEditing((e) => ({ ...e, person: null }))}
        onSaved={() => {
          setEditing((e) => ({ ...e, person: null }));
          changed();
        }}
      />
      {adding > 0 ? (
        <AddMemberDrawer
          key={`add-${adding}`}
          household={household}
          open
          onClose={() => setAdding(0)}
          onAdded={() => {
            setAdding(0);
            changed();
          }}
        />
      ) : null}
      <VisitDrawer
        open={visiting}
        url="/api/visits"
        extraBody={{ subjectType: "household", subjectId: household.id }}
        subject={title}
        onClose={() => setVisiting(false)}
        onSaved={() => {
          setVisiting(false);
          changed();
        }}
      />
    </Space>
  );
}
