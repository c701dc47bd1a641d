import { fetchHttp, type Auth, type Reply, type Req } from "./http";
import { sleep } from "./proc";

/**
 * The server the clients talk to, which goes away (SIGKILL) and comes back on another port.
 * Requests that fail on the network wait for it and are sent again, unchanged: a client that
 * retries with the same idempotency key or source reference, as a real one must.
 */
export class Target {
  private url = "";
  private upWaiters: (() => void)[] = [];
  /** Requests that went out and got no answer (the server died under them). */
  lost = 0;

  setUp(url: string) {
    this.url = url;
    for (const w of this.upWaiters.splice(0)) w();
  }
  setDown() {
    this.url = "";
  }
  private waitUp(): Promise<void> {
    return this.url ? Promise.resolve() : new Promise((r) => this.upWaiters.push(r));
  }

  /** Sends until an answer comes (any status); network failures wait for the next server. */
  async call(req: Req): Promise<Reply> {
    for (;;) {
      await this.waitUp();
      const url = this.url;
      try {
        return await fetchHttp(url, 60_000).send(req);
      } catch {
        this.lost++;
        if (this.url === url) await sleep(200); // not (yet) marked down: the kill is under way
      }
    }
  }
}

export interface Acks {
  /** Idempotency keys of actions the server acknowledged (2xx): each must be in the timeline. */
  actions: Set<string>;
  /** Source references of reports the server acknowledged: each must be one event. */
  reports: Set<string>;
  sent: number;
}

/**
 * A client moving events between accepted and suspended (each step bumps the version), keyed by
 * the version it acted on, so a retry after a crash is recognised and never applied twice.
 */
export async function eventClient(
  target: Target,
  auth: Auth,
  events: string[],
  rnd: () => number,
  stop: () => boolean,
  acks: Acks,
): Promise<void> {
  while (!stop()) {
    const id = events[Math.floor(rnd() * events.length)]!;
    const got = await target.call({ url: `/api/events/${id}`, headers: auth });
    if (got.status !== 200) throw new Error(`read event ${id}: ${got.status} ${got.text.slice(0, 200)}`);
    const ev = got.json();
    const action =
      ev.state === "suspended" ? { action: "resume" } : { action: "suspend", reason: "崩溃测试挂起" };
    const key = `${id}:${ev.version}:${action.action}`;
    const res = await target.call({
      method: "POST",
      url: `/api/events/${id}/actions`,
      headers: auth,
      json: { ...action, version: ev.version, idempotencyKey: key },
    });
    acks.sent++;
    if (res.status >= 200 && res.status < 300) acks.actions.add(key);
    else if (res.status !== 409)
      throw new Error(`${action.action} on ${id}: ${res.status} ${res.text.slice(0, 300)}`);
  }
}

/** A client reporting 12345 tickets, each with its own source reference, resent until answered. */
export async function reporterClient(
  target: Target,
  auth: Auth,
  areaCode: string,
  prefix: string,
  stop: () => boolean,
  acks: Acks,
): Promise<void> {
  for (let n = 0; !stop(); n++) {
    const ref = `${prefix}-${n}`;
    const res = await target.call({
      method: "POST",
      url: "/api/events",
      headers: auth,
      json: {
        category: "0101",
        description: `崩溃测试工单 ${ref}`,
        areaCode,
        source: "hotline_12345",
        sourceRef: ref,
      },
    });
    acks.sent++;
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`report ${ref}: ${res.status} ${res.text.slice(0, 300)}`);
    acks.reports.add(ref);
    await sleep(150);
  }
}
