import { describe, expect, it } from "vitest";
import { DEFAULT_DEMO_ACCOUNTS, demoAccountsFor } from "./demo-accounts";

describe("demo accounts", () => {
  const health = { status: "ok", engine: "pglite", migration: "0001", uptimeSeconds: 1 };

  it("are hidden unless the server says demo: true", () => {
    expect(demoAccountsFor(undefined)).toEqual([]);
    expect(demoAccountsFor(health)).toEqual([]);
    expect(demoAccountsFor({ ...health, demo: false })).toEqual([]);
    expect(demoAccountsFor({ ...health, demo: true })).toBe(DEFAULT_DEMO_ACCOUNTS);
  });

  it("prefer the server's list when it sends one", () => {
    const demoAccounts = [{ username: "wang", role: "mediator" }];
    expect(demoAccountsFor({ ...health, demo: true, demoAccounts })).toBe(demoAccounts);
  });
});
