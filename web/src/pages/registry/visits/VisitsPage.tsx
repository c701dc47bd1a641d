import { CarryOutOutlined, HeartOutlined, HomeOutlined, ShopOutlined } from "@ant-design/icons";
import { Button, Card, Empty, List, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { api, queryString } from "../../../api/client";
import type { DueVisit, DueVisits } from "../../../api/registry-types";
import { useRemote } from "../../../api/use-remote";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { categoryText } from "../shared/codes";
import { addDays, daysBetween, todayInZone } from "../shared/dates";
import { recordPath } from "../shared/links";
import { recordUrl } from "../shared/registry-api";
import { VisitDrawer } from "../shared/VisitDrawer";
import { groupDue, type DueRange } from "./due";

const ICONS: Record<string, React.ReactNode> = {
  key_person: <HeartOutlined />,
  household: <HomeOutlined />,
  place: <ShopOutlined />,
};

/** Where a due visit's subject opens. */
function subjectPath(v: DueVisit): string {
  if (v.type === "key_person") return recordPath("key-persons", v.id);
  if (v.type === "place") return recordPath("places", v.subjectId);
  return recordPath("households", v.subjectId);
}

/** Where a made visit is posted: a key person's visits, or the scheduled visit marked done. */
function visitUrl(v: DueVisit): string {
  return v.type === "key_person"
    ? recordUrl("key-persons", v.id, "/visits")
    : recordUrl("visits", v.id, "/done");
}

/**
 * `/registry/visits`: the visits due in the user's scope (key persons whose next visit falls due,
 * scheduled visits to places and households): overdue ones first in red, then those due this week;
 * a visit is recorded in a drawer without leaving the list.
 */
export function VisitsPage() {
  const t = useT();
  const { lang } = useLang();
  const today = todayInZone();
  const [range, setRange] = useState<DueRange>("week");
  const before = range === "today" ? today : addDays(today, range === "week" ? 7 : 30);
  const url = `/api/visits/due${queryString({ before })}`;
  const due = useRemote(url, () => api.get<DueVisits>(url));
  const [recording, setRecording] = useState<DueVisit | null>(null);
  const groups = groupDue(due.data?.items ?? [], today);

  const typeLabel = (type: string) =>
    type === "key_person"
      ? t("registry.visit.type.keyPerson")
      : type === "place"
        ? t("registry.visit.type.place")
        : t("registry.visit.type.household");

  const item = (v: DueVisit) => {
    const days = daysBetween(today, v.dueOn);
    return (
      <List.Item
        key={`${v.type}:${v.id}`}
        style={{ paddingInline: 0 }}
        actions={[
          <Button
            key="record"
            type="primary"
            size="small"
            icon={<CarryOutOutlined />}
            onClick={() => setRecording(v)}
          >
            {t("registry.visit.recordShort")}
          </Button>,
        ]}
      >
        <List.Item.Meta
          avatar={
            <span style={{ fontSize: 18, color: v.overdue ? "#cf1322" : "#1677ff" }}>{ICONS[v.type]}</span>
          }
          title={
            <Space size={6} wrap>
              <Link to={subjectPath(v)}>{v.title || t("common.none")}</Link>
              <Tag>{typeLabel(v.type)}</Tag>
              {v.category ? <Tag color="purple">{categoryText(v.category, lang)}</Tag> : null}
            </Space>
          }
          description={
            <Typography.Text type={v.overdue ? "danger" : "secondary"} strong={v.overdue}>
              {v.overdue
                ? t("registry.visit.overdueBy", { date: v.dueOn, days: -days })
                : days === 0
                  ? t("registry.visit.dueToday")
                  : t("registry.visit.dueIn", { date: v.dueOn, days })}
            </Typography.Text>
          }
        />
      </List.Item>
    );
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Card
        size="small"
        title={t("registry.visit.pageTitle")}
        extra={
          <Segmented
            value={range}
            onChange={(v) => setRange(v as DueRange)}
            options={[
              { value: "today", label: t("registry.visit.range.today") },
              { value: "week", label: t("registry.visit.range.week") },
              { value: "month", label: t("registry.visit.range.month") },
            ]}
          />
        }
      >
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("registry.visit.pageHint", { overdue: groups.overdue.length, upcoming: groups.upcoming.length })}
        </Typography.Text>
      </Card>
      {due.error ? <ErrorAlert error={due.error} onRetry={due.reload} /> : null}
      {groups.overdue.length ? (
        <Card
          size="small"
          title={
            <Typography.Text type="danger">
              {t("registry.visit.overdueTitle", { count: groups.overdue.length })}
            </Typography.Text>
          }
          styles={{ header: { background: "#fff1f0" } }}
        >
          <List size="small" dataSource={groups.overdue} renderItem={item} />
        </Card>
      ) : null}
      <Card
        size="small"
        title={t("registry.visit.upcomingTitle", { count: groups.upcoming.length })}
        loading={due.loading && !due.data}
      >
        {groups.upcoming.length ? (
          <List size="small" dataSource={groups.upcoming} renderItem={item} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("registry.visit.noneDue")} />
        )}
      </Card>
      <VisitDrawer
        open={recording !== null}
        url={recording ? visitUrl(recording) : ""}
        subject={recording?.title ?? ""}
        dueOn={recording?.dueOn}
        onClose={() => setRecording(null)}
        onSaved={() => {
          setRecording(null);
          due.reload();
        }}
      />
    </Space>
  );
}
