import type { DemoAccount, Health } from "../../api/types";

/**
 * Mirrors the usernames of server/src/demo/generate.ts (the password is set by the deployment).
 * Demo accounts shown on the login page of a demo installation, one per role. The server's demo
 * seed is the source of truth: when `/api/health` lists `demoAccounts`, those are shown instead.
 */
export const DEFAULT_DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: "demo-admin", role: "admin" },
  { username: "demo-leader", role: "leader" },
  { username: "demo-dispatcher", role: "dispatcher" },
  { username: "demo-grid-worker", role: "grid_worker" },
  { username: "demo-handler", role: "department_handler" },
  { username: "demo-mediator", role: "mediator" },
  { username: "demo-police", role: "police" },
  { username: "demo-resident", role: "resident" },
  { username: "demo-volunteer", role: "volunteer" },
];

/** The accounts to list, or none when the server is not in demo mode (`demo` absent counts as false). */
export function demoAccountsFor(health: Health | undefined): readonly DemoAccount[] {
  if (!health || health.demo !== true) return [];
  return health.demoAccounts?.length ? health.demoAccounts : DEFAULT_DEMO_ACCOUNTS;
}
