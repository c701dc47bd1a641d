import { sql } from "drizzle-orm";
import { enqueueJob } from "../../core/jobs";
import type { Executor } from "../../db/database";
import { queryRows } from "../../db/database";

/** Something users should hear about: sent to the console at once and to webhooks after commit. */
export interface Notice {
  /** e.g. "event.dispatched", "event.red", "supervision.opened", "consultation.convened" */
  kind: string;
  title: string;
  body?: string;
  subjectType?: string;
  subjectId?: string;
  /** Users to notify directly. */
  userIds?: string[];
  /** Units whose handlers are notified. */
  departmentIds?: string[];
  /** For webhooks filtered by area. */
  areaPath?: string | null;
  /** When it happened (the caller's ctx.clock.now()); the database's time when left out. */
  at?: Date;
}

/** The job kind that sends one notice to one webhook. */
export const WEBHOOK_DELIVER = "webhook.deliver";

/** What a webhook.deliver job carries: the notice as sent, without its recipients. */
export interface WebhookPayload {
  webhookId: string;
  notice: {
    kind: string;
    title: string;
    body: string | null;
    subjectType: string | null;
    subjectId: string | null;
    areaPath: string | null;
    at: string;
  };
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

const uuidArray = (ids: string[]) =>
  ids.length === 0
    ? sql`array[]::uuid[]`
    : sql`array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::uuid[]`;

// each condition alone when the other is empty, so the common case is a primary-key look-up
const recipients = (userIds: string[], departmentIds: string[]) => {
  const byId = sql`u.id = any(${uuidArray(userIds)})`;
  const byDept = sql`u.department_id = any(${uuidArray(departmentIds)})`;
  if (departmentIds.length === 0) return byId;
  if (userIds.length === 0) return byDept;
  return sql`(${byId} or ${byDept})`;
};

/**
 * Records the notice for each user in the caller's transaction and enqueues the outgoing webhooks,
 * which a job sends after commit; a notice never blocks or fails the change that caused it.
 * Recipients: the users given and the active members of the departments given, each once;
 * returns how many users were notified.
 */
export async function notify(tx: Executor, notice: Notice): Promise<number> {
  const at = notice.at ?? null;
  // a malformed id must not fail the change that sent the notice: it reaches nobody
  const userIds = [...new Set(notice.userIds ?? [])].filter(isUuid);
  const departmentIds = [...new Set(notice.departmentIds ?? [])].filter(isUuid);
  let notified = 0;
  if (userIds.length > 0 || departmentIds.length > 0) {
    const rows = await queryRows<{ id: number }>(
      tx,
      sql`insert into notifications (user_id, kind, title, body, subject_type, subject_id, created_at)
          select u.id, ${notice.kind}, ${notice.title}, ${notice.body ?? null}, ${notice.subjectType ?? null},
                 ${notice.subjectId ?? null}, coalesce(${at}::timestamptz, now())
          from users u
          where not u.disabled
            and ${recipients(userIds, departmentIds)}
          returning id`,
    );
    notified = rows.length;
  }
  const hooks = await queryRows<{ id: string }>(
    tx,
    sql`select id from webhooks
        where active
          and (${notice.kind} = any(events) or '*' = any(events))
          and (area_path is null or (${notice.areaPath ?? null}::text is not null
                                     and starts_with(${notice.areaPath ?? ""}, area_path)))`,
  );
  const runAt = notice.at ?? new Date();
  for (const hook of hooks) {
    const payload: WebhookPayload = {
      webhookId: hook.id,
      notice: {
        kind: notice.kind,
        title: notice.title,
        body: notice.body ?? null,
        subjectType: notice.subjectType ?? null,
        subjectId: notice.subjectId ?? null,
        areaPath: notice.areaPath ?? null,
        at: runAt.toISOString(),
      },
    };
    await enqueueJob(tx, { kind: WEBHOOK_DELIVER, payload: { ...payload }, runAt, maxAttempts: 8 });
  }
  return notified;
}
