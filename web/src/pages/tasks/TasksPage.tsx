import { Badge, Button, Card, Empty, Space, Spin, Tabs, Typography } from "antd";
import { useEffect, useState } from "react";
import { api, queryString } from "../../api/client";
import type { EventSummary, TaskItem } from "../../api/event-types";
import type { Page } from "../../api/types";
import { useRemote } from "../../api/use-remote";
import { listEvents } from "../../components/events/event-api";
import { subscribeNotices } from "../../components/events/live";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useT } from "../../i18n/I18nProvider";
import { useMe } from "../../session/SessionProvider";
import { ConsultationTaskCard } from "./ConsultationTaskCard";
import { TaskEventCard } from "./TaskEventCard";

/** States in which a unit still has work on an event. */
export const WORK_STATES = ["reported", "accepted", "returned", "dispatched", "handling", "handled"];
/** States waiting for the on-site check (核查). */
export const VERIFY_STATES = ["feedback"];

type TabKey = "work" | "verify" | "tasks";

/**
 * The events the user has to work on: their own and their unit's open parts; results waiting to be
 * reported back (待反馈) on events they can see; and for a grid worker the matters raised in their
 * grids that no one has dispatched yet (small matters are handled in the grid, 小事不出格). Each
 * card then shows only the steps the server allows. Most urgent first.
 */
async function loadWork(gridWorker: boolean) {
  const queries = [
    listEvents({ mine: true, state: WORK_STATES.join(","), sort: "deadline", pageSize: 50 }),
    listEvents({ state: "handled", sort: "deadline", pageSize: 50 }),
  ];
  if (gridWorker)
    queries.push(listEvents({ state: "reported,accepted,returned", sort: "deadline", pageSize: 50 }));
  const pages = await Promise.all(queries);
  const byId = new Map<string, EventSummary>();
  for (const p of pages) for (const e of p.items) byId.set(e.id, e);
  const items = [...byId.values()].sort(
    (a, b) =>
      (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999") || a.createdAt.localeCompare(b.createdAt),
  );
  return { items, total: items.length, page: 1, pageSize: items.length };
}

/**
 * `/tasks`: what the signed-in handler or grid worker has to do: their unit's parts to accept and
 * finish (or events to handle in the grid), results to verify on site, and consultation tasks.
 * Made for a phone: one card per item, the buttons under it.
 */
export function TasksPage() {
  const t = useT();
  const [tab, setTab] = useState<TabKey>("work");
  const me = useMe();
  const gridWorker = me.roles.includes("grid_worker");
  const work = useRemote(`tasks:work:${gridWorker}`, () => loadWork(gridWorker));
  const verify = useRemote("tasks:verify", () =>
    listEvents({ state: VERIFY_STATES.join(","), sort: "deadline", pageSize: 50 }),
  );
  const tasks = useRemote("tasks:consult", () =>
    api.get<Page<TaskItem>>(`/api/tasks${queryString({ status: "open", pageSize: 100 })}`),
  );
  const reloadAll = () => {
    work.reload();
    verify.reload();
    tasks.reload();
  };
  const { reload: r1 } = work;
  const { reload: r2 } = verify;
  const { reload: r3 } = tasks;
  useEffect(
    () =>
      subscribeNotices(() => {
        r1();
        r2();
        r3();
      }),
    [r1, r2, r3],
  );

  const count = (n: number | undefined) => (
    <Badge count={n ?? 0} showZero color={n ? "#1f5fbf" : "#bfbfbf"} style={{ marginInlineStart: 6 }} />
  );

  return (
    <Card
      title={t("events.tasks.title")}
      extra={
        <Button size="small" onClick={reloadAll}>
          {t("common.refresh")}
        </Button>
      }
      styles={{ body: { paddingTop: 4 } }}
      className="tasks-page"
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        items={[
          {
            key: "work",
            label: (
              <span>
                {t("events.tasks.work")}
                {count(work.data?.total)}
              </span>
            ),
            children: (
              <List remote={work} empty={t("events.tasks.noWork")}>
                {(work.data?.items ?? []).map((e) => (
                  <TaskEventCard key={e.id} summary={e} onChanged={reloadAll} />
                ))}
              </List>
            ),
          },
          {
            key: "verify",
            label: (
              <span>
                {t("events.tasks.verify")}
                {count(verify.data?.total)}
              </span>
            ),
            children: (
              <List remote={verify} empty={t("events.tasks.noVerify")}>
                {(verify.data?.items ?? []).map((e) => (
                  <TaskEventCard key={e.id} summary={e} onChanged={reloadAll} />
                ))}
              </List>
            ),
          },
          {
            key: "tasks",
            label: (
              <span>
                {t("events.tasks.consult")}
                {count(tasks.data?.total)}
              </span>
            ),
            children: (
              <List remote={tasks} empty={t("events.tasks.noTasks")}>
                {(tasks.data?.items ?? []).map((task) => (
                  <ConsultationTaskCard key={task.id} task={task} onDone={tasks.reload} />
                ))}
              </List>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t("events.tasks.hint")}
      </Typography.Paragraph>
    </Card>
  );
}

/** A tab's body: the error, a spinner the first time, an empty note, or the cards. */
function List({
  remote,
  empty,
  children,
}: {
  remote: { data: unknown; error: unknown; loading: boolean; reload: () => void };
  empty: string;
  children: React.ReactNode[];
}) {
  if (remote.error) return <ErrorAlert error={remote.error} onRetry={remote.reload} />;
  if (!remote.data && remote.loading)
    return (
      <div style={{ textAlign: "center", padding: 40 }}>
        <Spin />
      </div>
    );
  if (children.length === 0) return <Empty description={empty} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      {children}
    </Space>
  );
}
