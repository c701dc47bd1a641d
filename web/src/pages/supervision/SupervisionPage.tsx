import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
  type TableColumnsType,
} from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { EventSummary, Supervision } from "../../api/event-types";
import { useRemote } from "../../api/use-remote";
import { CategoryCascader } from "../../components/events/CategoryCascader";
import { listEvents, loadCategories } from "../../components/events/event-api";
import { categoryRefLabel, stageLabel } from "../../components/events/labels";
import { SlaBadge } from "../../components/events/SlaBadge";
import { StateTag } from "../../components/events/StateTag";
import { closeSupervision, listSupervisions } from "../../components/events/supervision-api";
import { SupervisionLevel } from "../../components/events/SupervisionLevel";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useLang, useT } from "../../i18n/I18nProvider";
import { useErrorText } from "../../i18n/error-text";
import { formatDateTime, formatMinute, startOfZonedDay, useMinuteClock } from "../../lib/time";
import { monthRange } from "./kpi";
import { KpiStrip } from "./KpiStrip";

type Status = "open" | "closed";
type Level = "all" | "yellow" | "red" | "notice";

const wall = (d: Date) => {
  const [y, m] = formatMinute(d).split("-");
  return { year: Number(y), month: Number(m) };
};

/**
 * `/supervision` (督办): this month's KPIs (optionally for one category, e.g. the fire figures), the
 * supervision records (yellow and red cards, instructions) to follow up and close, and every open
 * event past its deadline.
 */
export function SupervisionPage() {
  const t = useT();
  const { lang } = useLang();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const now = useMinuteClock();
  const { from, to } = useMemo(() => monthRange(now, startOfZonedDay, wall), [now]);
  const [category, setCategory] = useState<string[] | undefined>(undefined);
  const [status, setStatus] = useState<Status>("open");
  const [level, setLevel] = useState<Level>("all");
  const [page, setPage] = useState(1);
  const [closing, setClosing] = useState<Supervision | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();
  const q = { status, level: level === "all" ? undefined : level, page, pageSize: 20 } as const;
  const supervisions = useRemote(`supervisions:${JSON.stringify(q)}`, () => listSupervisions(q));
  const [overduePage, setOverduePage] = useState(1);
  const overdue = useRemote(`overdue:${overduePage}`, () =>
    listEvents({ overdue: true, sort: "deadline", page: overduePage, pageSize: 20 }),
  );
  const categories = useRemote("event-categories", () => loadCategories());
  const categoryCode = category?.[category.length - 1];

  const close = async ({ note }: { note?: string }) => {
    if (!closing) return;
    setBusy(true);
    try {
      await closeSupervision(closing.id, note?.trim() || undefined);
      message.success(t("events.supervision.closed"));
      setClosing(null);
      supervisions.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<Supervision> = [
    {
      title: t("events.supervision.level"),
      dataIndex: "level",
      width: 100,
      render: (l: string) => <SupervisionLevel level={l} />,
    },
    {
      title: t("events.field.event"),
      key: "event",
      render: (_, s) => (
        <Space size={4} wrap>
          <Link to={`/events/${encodeURIComponent(s.event.id)}`}>{t("events.no", { no: s.event.no })}</Link>
          <span>{s.event.title}</span>
          <StateTag state={s.event.state} />
        </Space>
      ),
    },
    {
      title: t("events.supervision.stage"),
      dataIndex: "stage",
      width: 90,
      render: (st: string | null) => stageLabel(t, st),
    },
    { title: t("events.supervision.reason"), dataIndex: "reason", ellipsis: true },
    {
      title: t("events.field.sla"),
      key: "sla",
      width: 200,
      render: (_, s) => (
        <SlaBadge event={{ colour: s.event.colour, deadline: s.event.deadline, warnAt: null }} compact />
      ),
    },
    {
      title: t("events.supervision.escalatedToCol"),
      key: "to",
      width: 120,
      render: (_, s) => s.escalatedTo?.name ?? t("common.none"),
    },
    {
      title: t("events.supervision.openedAt"),
      dataIndex: "openedAt",
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 90,
      fixed: "right",
      render: (_, s) =>
        s.can.close ? (
          <Button type="link" size="small" onClick={() => setClosing(s)}>
            {t("events.supervision.close")}
          </Button>
        ) : s.closedAt ? (
          <Typography.Text type="secondary">{formatDateTime(s.closedAt).slice(0, 10)}</Typography.Text>
        ) : null,
    },
  ];

  const overdueColumns: TableColumnsType<EventSummary> = [
    {
      title: t("events.field.no"),
      dataIndex: "no",
      width: 160,
      render: (no: string, e) => <Link to={`/events/${encodeURIComponent(e.id)}`}>{no}</Link>,
    },
    { title: t("events.field.title"), dataIndex: "title", width: 240, ellipsis: true },
    {
      title: t("events.field.category"),
      key: "category",
      width: 200,
      ellipsis: true,
      render: (_: unknown, e) => categoryRefLabel(e.category, lang),
    },
    {
      title: t("events.field.state"),
      dataIndex: "state",
      width: 100,
      render: (s: string) => <StateTag state={s} />,
    },
    {
      title: t("events.field.sla"),
      key: "sla",
      width: 200,
      render: (_, e) => <SlaBadge event={e} compact />,
    },
    {
      title: t("events.field.area"),
      key: "area",
      width: 180,
      ellipsis: true,
      render: (_, e) => e.area?.name ?? t("common.none"),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card
        size="small"
        title={t("events.kpi.title", { month: formatMinute(from).slice(0, 7) })}
        extra={
          <div style={{ width: 260 }}>
            <CategoryCascader
              id="kpi-category"
              tree={categories.data}
              value={category}
              onChange={setCategory}
              changeOnSelect
              placeholder={t("events.kpi.allCategories")}
            />
          </div>
        }
      >
        <KpiStrip from={from} to={to} category={categoryCode} />
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: "supervisions",
              label: t("events.supervision.records"),
              children: (
                <>
                  <Space wrap style={{ marginBottom: 12 }}>
                    <Segmented<Status>
                      value={status}
                      onChange={(s) => {
                        setStatus(s);
                        setPage(1);
                      }}
                      options={[
                        { value: "open", label: t("events.supervision.statusOpen") },
                        { value: "closed", label: t("events.supervision.statusClosed") },
                      ]}
                    />
                    <Select<Level>
                      value={level}
                      style={{ width: 140 }}
                      onChange={(l) => {
                        setLevel(l);
                        setPage(1);
                      }}
                      options={(["all", "red", "yellow", "notice"] as const).map((l) => ({
                        value: l,
                        label:
                          l === "all"
                            ? t("events.supervision.allLevels")
                            : t(`events.supervision.level.${l}`),
                      }))}
                    />
                  </Space>
                  {supervisions.error ? (
                    <ErrorAlert error={supervisions.error} onRetry={supervisions.reload} />
                  ) : null}
                  <Table<Supervision>
                    rowKey="id"
                    size="middle"
                    loading={supervisions.loading}
                    dataSource={supervisions.data?.items ?? []}
                    columns={columns}
                    scroll={{ x: 1100 }}
                    locale={{ emptyText: t("events.supervision.none") }}
                    pagination={{
                      current: page,
                      pageSize: 20,
                      total: supervisions.data?.total ?? 0,
                      onChange: setPage,
                      showTotal: (total) => t("common.total", { total }),
                    }}
                  />
                </>
              ),
            },
            {
              key: "overdue",
              label: t("events.supervision.overdueEvents", { count: overdue.data?.total ?? 0 }),
              children: (
                <>
                  {overdue.error ? <ErrorAlert error={overdue.error} onRetry={overdue.reload} /> : null}
                  <Table<EventSummary>
                    rowKey="id"
                    size="middle"
                    loading={overdue.loading}
                    dataSource={overdue.data?.items ?? []}
                    columns={overdueColumns}
                    scroll={{ x: 1100 }}
                    locale={{ emptyText: t("events.supervision.noOverdue") }}
                    pagination={{
                      current: overduePage,
                      pageSize: 20,
                      total: overdue.data?.total ?? 0,
                      onChange: setOverduePage,
                    }}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={closing !== null}
        title={t("events.supervision.close")}
        onCancel={() => setClosing(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void close(v)}>
          <Form.Item name="note" label={t("events.field.note")}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
