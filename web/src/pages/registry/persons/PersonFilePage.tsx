import { EditOutlined, IdcardOutlined, TeamOutlined } from "@ant-design/icons";
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api } from "../../../api/client";
import type { PersonFile, PersonView } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { relationText } from "../households/MemberCard";
import { codeText } from "../shared/codes";
import { dueState, todayInZone } from "../shared/dates";
import { FileSections } from "../shared/FileSections";
import { HistoryTimeline } from "../shared/HistoryTimeline";
import { HouseSummaryCard } from "../shared/HouseSummaryCard";
import { statusLabel } from "../shared/labels";
import { recordPath } from "../shared/links";
import { MaskedValue } from "../shared/MaskedValue";
import { PersonTags } from "../shared/PersonTags";
import { recordUrl, revealPerson } from "../shared/registry-api";
import { PersonEditDrawer } from "./PersonEditDrawer";

/** A floating resident's permit expiry: red once past, orange within 30 days. */
function PermitExpiry({ date }: { date: string }) {
  const t = useT();
  const state = dueState(date, todayInZone(), 30);
  if (state === "overdue")
    return (
      <Typography.Text type="danger">
        {date} · {t("registry.person.permitExpired")}
      </Typography.Text>
    );
  if (state === "today" || state === "soon")
    return (
      <Typography.Text type="warning">
        {date} · {t("registry.person.permitExpiring")}
      </Typography.Text>
    );
  return <>{date}</>;
}

/** The identity block of a person's file: masked ID and phone with an audited reveal, then the GB/T 31000 fields. */
function IdentityBlock({ person: p }: { person: PersonView }) {
  const t = useT();
  const { lang } = useLang();
  const none = t("common.none");
  const label = (table: Parameters<typeof codeText>[0], code: string | null) =>
    codeText(table, code, lang) ?? none;
  const floating = p.residentType === "floating" ? p.floating : null;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }}>
      <Descriptions.Item label={t("registry.field.docType")}>
        {label("document-type", p.docType)}
      </Descriptions.Item>
      <Descriptions.Item label={t("registry.field.idNumber")}>
        <MaskedValue
          masked={p.idNumber}
          canReveal={p.can.reveal}
          title={t("registry.reveal.titleId", { name: p.name })}
          reveal={(reason) => revealPerson(p.id, "idNumber", reason)}
        />
      </Descriptions.Item>
      <Descriptions.Item label={t("registry.field.phone")}>
        <MaskedValue
          masked={p.phone}
          canReveal={p.can.reveal}
          title={t("registry.reveal.titlePhone", { name: p.name })}
          reveal={(reason) => revealPerson(p.id, "phone", reason)}
        />
      </Descriptions.Item>
      <Descriptions.Item label={t("registry.field.sex")}>{label("sex", p.sex)}</Descriptions.Item>
      <Descriptions.Item label={t("registry.field.birthDate")}>
        {p.birthDate
          ? `${p.birthDate}${p.age !== null ? `（${t("registry.person.age", { age: p.age })}）` : ""}`
          : none}
      </Descriptions.Item>
      <Descriptions.Item label={t("registry.field.ethnicity")}>
        {label("ethnicity", p.ethnicity)}
      </Descriptions.Item>
      <Descriptions.Item label={t("registry.field.maritalStatus")}>
        {label("marital-status", p.maritalStatus)}
      </Descriptions.Item>
      <Descriptions.Item label={t("registry.field.education")}>
        {label("education", p.education)}
      </Descriptions.Item>
      <Descriptions.Item label={t("registry.field.politicalStatus")}>
        {label("political-status", p.politicalStatus)}
      </Descriptions.Item>
      <Descriptions.Item label={t("registry.field.occupation")}>{p.occupation ?? none}</Descriptions.Item>
      <Descriptions.Item label={t("registry.field.workplace")}>{p.workplace ?? none}</Descriptions.Item>
      <Descriptions.Item label={t("registry.field.residentType")}>
        {label("resident-type", p.residentType)}
      </Descriptions.Item>
      <Descriptions.Item label={t("registry.field.hukouAddress")} span={{ xs: 1, sm: 2, xl: 3 }}>
        {[p.hukouDivision, p.hukouAddress].filter(Boolean).join(" ") || none}
      </Descriptions.Item>
      <Descriptions.Item label={t("registry.field.currentAddress")} span={{ xs: 1, sm: 2, xl: 3 }}>
        {p.currentAddress ?? none}
      </Descriptions.Item>
      <Descriptions.Item label={t("registry.field.area")}>{p.area?.name ?? none}</Descriptions.Item>
      {p.formerNames.length ? (
        <Descriptions.Item label={t("registry.field.formerNames")}>
          {p.formerNames.join("、")}
        </Descriptions.Item>
      ) : null}
      {floating ? (
        <>
          <Descriptions.Item label={t("registry.field.floatingReason")}>
            {floating.reason ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.field.floatingOrigin")}>
            {floating.origin ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.field.permitType")}>
            {label("permit-type", floating.permitType ?? null)}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.field.registeredOn")}>
            {floating.registeredOn ?? none}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.field.permitExpiresOn")}>
            {p.permitExpiresOn ? <PermitExpiry date={p.permitExpiresOn} /> : none}
          </Descriptions.Item>
        </>
      ) : null}
      {p.deregistration ? (
        <Descriptions.Item label={t("registry.deregister.title")} span={{ xs: 1, sm: 2, xl: 3 }}>
          {[
            codeText("deregistration-reason", p.deregistration.reason, lang),
            p.deregistration.on,
            p.deregistration.purgeAfter
              ? t("registry.deregister.purgeAfter", { date: p.deregistration.purgeAfter })
              : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/**
 * `/registry/persons/:id`: a person's whole file (全息档案): identity (masked, revealed only with a
 * reason), household and its members, house, every section other modules link to the person, and
 * the history of changes. The server records that the file was opened.
 */
export function PersonFilePage() {
  const t = useT();
  const { lang } = useLang();
  const { id = "" } = useParams();
  const url = recordUrl("persons", id, "/file");
  const file = useRemote(url, () => api.get<PersonFile>(url));
  const [editing, setEditing] = useState(0);
  const [historyKey, setHistoryKey] = useState(0);

  if (file.error) return <ErrorAlert error={file.error} onRetry={file.reload} />;
  if (!file.data) return <Spin />;
  const { person: p, household, house, sections } = file.data;

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          { key: "list", title: <Link to="/registry/persons">{t("nav.persons")}</Link> },
          { key: "file", title: p.name },
        ]}
      />
      <Card
        size="small"
        title={
          <Space size={6} wrap>
            <IdcardOutlined />
            <span>{t("registry.person.fileTitle", { name: p.name })}</span>
            {p.status !== "active" ? <Tag>{statusLabel(t, p.status)}</Tag> : null}
          </Space>
        }
        extra={
          p.can.edit || p.can.deregister ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing((n) => n + 1)}>
              {t("registry.member.quickEdit")}
            </Button>
          ) : null
        }
      >
        <div style={{ marginBottom: 8 }}>
          <PersonTags person={p} />
        </div>
        <IdentityBlock person={p} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("registry.person.fileAudited")}
        </Typography.Text>
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={
              <Space size={6}>
                <TeamOutlined />
                {t("registry.person.household")}
              </Space>
            }
            extra={
              household ? (
                <Link to={recordPath("households", household.id)}>{t("registry.household.open")}</Link>
              ) : null
            }
            style={{ height: "100%" }}
          >
            {household ? (
              <>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {household.address ?? t("registry.household.noAddress")}
                </Typography.Paragraph>
                <Space size={[6, 6]} wrap>
                  {household.members.map((m) => (
                    <Tag key={m.personId} color={m.personId === p.id ? "blue" : undefined}>
                      {t("registry.labelled", { label: relationText(m, lang) })}
                      {m.person ? (
                        m.personId === p.id ? (
                          m.person.name
                        ) : (
                          <Link to={recordPath("persons", m.personId)}>{m.person.name}</Link>
                        )
                      ) : (
                        t("registry.member.outOfScope")
                      )}
                    </Tag>
                  ))}
                </Space>
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.household.noHousehold")} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <HouseSummaryCard house={house} />
        </Col>
      </Row>

      <FileSections sections={sections} />

      <Collapse
        size="small"
        items={[
          {
            key: "history",
            label: t("registry.history.title"),
            children: <HistoryTimeline url={recordUrl("persons", p.id, "/history")} reloadKey={historyKey} />,
          },
        ]}
      />

      {editing > 0 ? (
        <PersonEditDrawer
          key={editing}
          person={p}
          open
          onClose={() => setEditing(0)}
          onSaved={() => {
            setEditing(0);
            setHistoryKey((k) => k + 1);
            file.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
