import { ReloadOutlined } from "@ant-design/icons";
import { Badge, Button, Card, Empty, Segmented, Space, Spin, Tag, Tooltip, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import type { EventAction, EventSummary } from "../../../api/event-types";
import { useRemote } from "../../../api/use-remote";
import { ActionModal, type ActionTarget } from "../../../components/events/ActionModal";
import { listEvents, loadDepartments } from "../../../components/events/event-api";
import { actionLabel, categoryRefLabel, deptKindLabel } from "../../../components/events/labels";
import { subscribeNotices } from "../../../components/events/live";
import { SlaBadge } from "../../../components/events/SlaBadge";
import { liveColour } from "../../../components/events/sla";
import { StateTag, UrgencyTag } from "../../../components/events/StateTag";
import { unitOptions } from "../../../components/events/unit-options";
import { ErrorAlert } from "../../../components/ErrorAlert";
import { useLang, useT } from "../../../i18n/I18nProvider";
import { formatDateTime, useMinuteClock } from "../../../lib/time";
import { BOARD_COLUMNS, boardAction, groupForBoard, type BoardColumn } from "./board";
import "./board.css";

/** How often the board asks again when no notice has come. */
const POLL_MS = 10_000;
const PAGE = 100;

type Filter = "all" | "red" | "yellow";

/** Loads every board column (one request each, by deadline), keeping the column totals. */
async function loadBoard(): Promise<{ items: EventSummary[]; totals: Record<string, number>; at: Date }> {
  const pages = await Promise.all(
    BOARD_COLUMNS.map((c) =>
      listEvents({ state: c.states.join(","), sort: "deadline", pageSize: PAGE, page: 1 }),
    ),
  );
  const totals: Record<string, number> = {};
  BOARD_COLUMNS.forEach((c, i) => (totals[c.key] = pages[i]!.total));
  return { items: pages.flatMap((p) => p.items), totals, at: new Date() };
}

/**
 * `/dispatch/board`: the dispatcher's queues (待受理, 待分派, 处置中, 待核查, 待评价), each by deadline with
 * its colour and time left, counts per column, quick accept and dispatch; refreshed live by notices
 * and every 10 s.
 */
export function DispatchBoardPage() {
  const t = useT();
  const { lang } = useLang();
  const now = useMinuteClock();
  const board = useRemote("dispatch-board", loadBoard);
  const departments = useRemote("departments", loadDepartments);
  const [filter, setFilter] = useState<Filter>("all");
  const [acting, setActing] = useState<{ event: EventSummary; target: ActionTarget } | null>(null);
  const { reload } = board;

  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    const unsubscribe = subscribeNotices(() => reload());
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [reload]);

  const units = useMemo(
    () => unitOptions(departments.data ?? [], (kind) => deptKindLabel(t, kind)),
    [departments.data, t],
  );
  const queues = useMemo(() => {
    const items = (board.data?.items ?? []).filter((e) => filter === "all" || liveColour(e, now) === filter);
    return groupForBoard(items, now);
  }, [board.data, filter, now]);

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Card size="small">
        <Space style={{ width: "100%", justifyContent: "space-between" }} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("events.board.title")}
          </Typography.Title>
          <Space wrap>
            <Segmented<Filter>
              value={filter}
              onChange={setFilter}
              options={[
                { value: "all", label: t("events.board.all") },
                { value: "red", label: t("events.colour.red") },
                { value: "yellow", label: t("events.colour.yellow") },
              ]}
            />
            <Typography.Text type="secondary">
              {board.data
                ? t("events.board.updated", { at: formatDateTime(board.data.at.toISOString()) })
                : ""}
            </Typography.Text>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={board.loading}>
              {t("common.refresh")}
            </Button>
            <Link to="/events/report">
              <Button type="primary">{t("events.board.newEvent")}</Button>
            </Link>
          </Space>
        </Space>
      </Card>
      {board.error ? <ErrorAlert error={board.error} onRetry={reload} /> : null}
      {!board.data && board.loading ? (
        <div style={{ textAlign: "center", padding: 60 }}>
          <Spin size="large" />
        </div>
      ) : (
        <div className="board-columns">
          {queues.map((q) => (
            <section key={q.column.key} className="board-column" data-column={q.column.key}>
              <header className="board-column-head">
                <Space size={6}>
                  <Typography.Text strong>{t(`events.board.column.${q.column.key}`)}</Typography.Text>
                  <Badge
                    count={board.data?.totals[q.column.key] ?? q.items.length}
                    showZero
                    color="#1f5fbf"
                    overflowCount={999}
                    data-testid={`count-${q.column.key}`}
                  />
                </Space>
                <Space size={4}>
                  {q.red > 0 ? <Tag color="error">{t("events.board.red", { count: q.red })}</Tag> : null}
                  {q.yellow > 0 ? (
                    <Tag color="warning">{t("events.board.yellow", { count: q.yellow })}</Tag>
                  ) : null}
                </Space>
              </header>
              <div className="board-column-body">
                {q.items.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("events.board.empty")} />
                ) : (
                  q.items.map((e) => (
                    <BoardCard
                      key={e.id}
                      event={e}
                      column={q.column}
                      categoryLabel={categoryRefLabel(e.category, lang)}
                      onAction={(action) => setActing({ event: e, target: { action } })}
                    />
                  ))
                )}
                {(board.data?.totals[q.column.key] ?? 0) > q.items.length && filter === "all" ? (
                  <Link to={`/events?state=${q.column.states.join(",")}`}>{t("events.board.more")}</Link>
                ) : null}
              </div>
            </section>
          ))}
        </div>
      )}
      {acting ? (
        <ActionModal
          event={acting.event}
          target={acting.target}
          unitOptions={units}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            reload();
          }}
          onStale={() => {
            setActing(null);
            reload();
          }}
        />
      ) : null}
    </Space>
  );
}

/** One event on the board: number, title, category, place, colour and time left, and the quick action. */
function BoardCard({
  event,
  column,
  categoryLabel,
  onAction,
}: {
  event: EventSummary;
  column: BoardColumn;
  categoryLabel: string;
  onAction: (action: EventAction) => void;
}) {
  const t = useT();
  const colour = liveColour(event, new Date());
  const action = boardAction(column, event);
  return (
    <div
      className={`board-card board-card-${colour}`}
      data-testid="board-card"
      data-event-id={event.id}
      data-colour={colour}
    >
      <Space size={4} wrap style={{ marginBottom: 4 }}>
        <Link to={`/events/${encodeURIComponent(event.id)}`}>{t("events.no", { no: event.no })}</Link>
        <UrgencyTag urgency={event.urgency} quiet />
        {column.states.length > 1 ? <StateTag state={event.state} /> : null}
      </Space>
      <Tooltip title={event.title}>
        <div className="board-card-title">
          <Link to={`/events/${encodeURIComponent(event.id)}`}>{event.title}</Link>
        </div>
      </Tooltip>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
        {categoryLabel}
        {event.area ? ` · ${event.area.name}` : ""}
      </Typography.Text>
      <div className="board-card-foot">
        <SlaBadge event={event} compact />
        {action ? (
          <Button size="small" type="primary" onClick={() => onAction(action)} data-action={action}>
            {actionLabel(t, action)}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
