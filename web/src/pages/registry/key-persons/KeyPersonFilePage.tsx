import { CarryOutOutlined, EditOutlined, HeartOutlined } from "@ant-design/icons";
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { api, queryString } from "../../../api/client";
import type { CarePlan, KeyPersonCategories, KeyPersonView } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { REGISTRY_EDIT_ROLES } from "../../../layout/menu";
import { formatDateTime } from "../../../lib/time";
import { useMe } from "../../../session/SessionProvider";
import { categoryText, codeText } from "../shared/codes";
import { statusLabel } from "../shared/labels";
import { recordPath } from "../shared/links";
import { MaskedValue } from "../shared/MaskedValue";
import { recordUrl, revealPerson } from "../shared/registry-api";
import { VisitDrawer } from "../shared/VisitDrawer";
import { CarePlans } from "./CarePlans";
import { detailLines } from "./details";
import { KeyPersonEditModal } from "./KeyPersonEditModal";
import { KeyPersonGate } from "./KeyPersonGate";
import { LevelTag } from "./KeyPersonsPage";

const loadCatalogue = () => api.get<KeyPersonCategories>("/api/key-persons/categories");

/** The opened file: everything below the "viewing recorded" banner. */
function KeyPersonFile({ initial, reason }: { initial: KeyPersonView; reason: string }) {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const [kp, setKp] = useState(initial);
  const [visiting, setVisiting] = useState(false);
  const [editing, setEditing] = useState(false);
  const catalogue = useRemote("kp:categories", loadCatalogue);
  const p = kp.person;
  const mayReveal = me.roles.some((r) => REGISTRY_EDIT_ROLES.includes(r));
  const lines = detailLines(kp.category, kp.details, catalogue.data, lang);

  const replacePlan = (plan: CarePlan) =>
    setKp((k) => ({
      ...k,
      carePlans: k.carePlans.some((x) => x.id === plan.id)
        ? k.carePlans.map((x) => (x.id === plan.id ? plan : x))
        : [plan, ...k.carePlans],
    }));

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Alert
        type="warning"
        showIcon
        title={reason ? t("registry.kp.viewRecordedWithReason", { reason }) : t("registry.kp.viewRecorded")}
      />
      <Card
        size="small"
        title={
          <Space size={6} wrap>
            <HeartOutlined />
            <span>{p?.name ?? t("registry.member.outOfScope")}</span>
            <Tag color="purple">{categoryText(kp.category, lang)}</Tag>
            <LevelTag level={kp.attentionLevel} />
            {kp.status !== "active" ? <Tag>{statusLabel(t, kp.status)}</Tag> : null}
          </Space>
        }
        extra={
          <Space wrap>
            {kp.can.edit ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("common.edit")}
              </Button>
            ) : null}
            {kp.can.recordVisit ? (
              <Button type="primary" icon={<CarryOutOutlined />} onClick={() => setVisiting(true)}>
                {t("registry.visit.record")}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }}>
          {p ? (
            <>
              <Descriptions.Item label={t("registry.field.name")}>
                <Link to={recordPath("persons", p.id)}>{p.name}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t("registry.field.idNumber")}>
                <MaskedValue
                  masked={p.idMasked}
                  canReveal={mayReveal}
                  title={t("registry.reveal.titleId", { name: p.name })}
                  reveal={(why) => revealPerson(p.id, "idNumber", why)}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t("registry.field.phone")}>
                <MaskedValue
                  masked={p.phoneMasked}
                  canReveal={mayReveal}
                  title={t("registry.reveal.titlePhone", { name: p.name })}
                  reveal={(why) => revealPerson(p.id, "phone", why)}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t("registry.field.currentAddress")}>
                {p.currentAddress ?? t("common.none")}
              </Descriptions.Item>
            </>
          ) : null}
          <Descriptions.Item label={t("registry.kp.startedOn")}>
            {kp.startedOn ?? t("common.none")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.kp.interval")}>
            {t("registry.kp.intervalDays", { days: kp.visitIntervalDays })}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.kp.nextVisit")}>
            {kp.nextVisitOn ? (
              <Typography.Text type={kp.visitOverdue ? "danger" : undefined} strong={kp.visitOverdue}>
                {kp.nextVisitOn}
                {kp.visitOverdue ? ` · ${t("registry.visit.overdue")}` : ""}
              </Typography.Text>
            ) : (
              t("common.none")
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.kp.employment")}>
            {kp.employed === null
              ? t("registry.kp.employmentUnknown")
              : kp.employed
                ? t("registry.kp.employedYes")
                : t("registry.kp.employedNo")}
          </Descriptions.Item>
          <Descriptions.Item label={t("registry.field.area")}>
            {kp.area?.name ?? t("common.none")}
          </Descriptions.Item>
          {kp.endedOn ? (
            <Descriptions.Item label={t("registry.kp.endedOn")}>
              {kp.endedOn} {codeText("termination-type", kp.termination, lang) ?? ""}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={t("registry.kp.detailsTitle", { category: categoryText(kp.category, lang) })}
            style={{ height: "100%" }}
          >
            {lines.length ? (
              <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                {lines.map((l) => (
                  <Descriptions.Item key={l.name} label={l.label}>
                    {l.value}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={t("registry.kp.helpers", { count: kp.helpers.length })}
            style={{ height: "100%" }}
          >
            <List
              size="small"
              dataSource={kp.helpers.filter((h) => !h.toOn)}
              locale={{ emptyText: t("registry.kp.noHelpers") }}
              renderItem={(h) => (
                <List.Item key={h.id} style={{ paddingInline: 0 }}>
                  <Space size={6}>
                    <Typography.Text strong>{h.name}</Typography.Text>
                    <Tag>{codeText("helper-role", h.role, lang)}</Tag>
                    {h.fromOn ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t("registry.kp.helperSince", { date: h.fromOn })}
                      </Typography.Text>
                    ) : null}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>

      <CarePlans kp={kp} onPlan={replacePlan} />

      <Card
        size="small"
        title={t("registry.kp.visits", { count: kp.visits.total })}
        extra={
          kp.can.recordVisit ? (
            <Button size="small" icon={<CarryOutOutlined />} onClick={() => setVisiting(true)}>
              {t("registry.visit.record")}
            </Button>
          ) : null
        }
      >
        {kp.visits.items.length ? (
          <Timeline
            items={kp.visits.items.map((v) => ({
              key: v.id,
              color: v.doneAt ? "green" : "gray",
              content: (
                <div>
                  <Typography.Text strong>
                    {v.doneAt
                      ? formatDateTime(v.doneAt).slice(0, 16)
                      : t("registry.visit.planned", { date: v.dueOn ?? "" })}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                    {[codeText("visit-method", v.method, lang), v.doneBy].filter(Boolean).join(" · ")}
                  </Typography.Text>
                  {v.note ? <div>{v.note}</div> : null}
                </div>
              ),
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.kp.noVisits")} />
        )}
      </Card>

      <VisitDrawer
        open={visiting}
        url={recordUrl("key-persons", kp.id, "/visits")}
        subject={p?.name ?? ""}
        dueOn={kp.nextVisitOn}
        onClose={() => setVisiting(false)}
        onSaved={(answer) => {
          setVisiting(false);
          const recorded = answer as
            { visit?: KeyPersonView["visits"]["items"][number]; nextVisitOn?: string | null } | undefined;
          if (recorded?.visit)
            setKp((k) => ({
              ...k,
              nextVisitOn: recorded.nextVisitOn ?? k.nextVisitOn,
              visitOverdue: false,
              visits: { total: k.visits.total + 1, items: [recorded.visit!, ...k.visits.items] },
            }));
        }}
      />
      {editing ? (
        <KeyPersonEditModal
          kp={kp}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            setKp(next);
          }}
        />
      ) : null}
    </Space>
  );
}

/**
 * `/registry/key-persons/:id`: a key person's file. It opens only after the reader has seen that
 * the viewing is recorded (with an optional reason, passed as `?reason=` into the audit trail).
 */
export function KeyPersonFilePage() {
  const t = useT();
  const { id = "" } = useParams();
  const [reason, setReason] = useState<string | null>(null);
  const url = reason === null ? null : `${recordUrl("key-persons", id)}${queryString({ reason })}`;
  const file = useRemote(url, () => api.get<KeyPersonView>(url!));

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Breadcrumb
        items={[
          { key: "list", title: <Link to="/registry/key-persons">{t("nav.keyPersons")}</Link> },
          { key: "file", title: file.data?.person?.name ?? t("registry.kp.file") },
        ]}
      />
      {reason === null ? (
        <KeyPersonGate onOpen={setReason} />
      ) : file.error ? (
        <ErrorAlert error={file.error} onRetry={file.reload} />
      ) : !file.data ? (
        <Spin />
      ) : (
        <KeyPersonFile key={file.data.id} initial={file.data} reason={reason} />
      )}
    </Space>
  );
}
