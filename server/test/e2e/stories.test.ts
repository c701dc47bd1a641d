/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, startDemoServer, type ServerProcess } from "../server-process";

// Stories 1 and 11 of STORIES.md played through the console, screen by screen, in headless Chromium.
// Skipped with a message where Chromium or the built console is missing, except under CI=true.
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const WEB_BUILT = fs.existsSync(path.join(REPO_ROOT, "web/dist/index.html"));
const missing = !CHROMIUM
  ? "Chromium (apt-get install chromium fonts-wqy-microhei)"
  : !WEB_BUILT
    ? "the built console (npm run build)"
    : "";
if (missing && process.env.CI === "true")
  throw new Error(`CI=true but ${missing} is missing: the browser suite is required`);
if (missing) console.warn(`Skipping the story suite: ${missing} is missing`);

const SHOTS = path.join(os.tmpdir(), "pingan-screens");
const PASSWORD = "pingan-demo";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const WAIT = { timeout: 20_000 };
/** What the action form says when someone else acted first (events.conflict). */
const CONFLICT = "该事件刚被其他人处理过";
// a 1×1 PNG: a real image, as the server checks a photo's bytes
const PHOTO = {
  name: "scene.png",
  mimeType: "image/png",
  buffer: Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
};

describe.skipIf(Boolean(missing))("stories 1 and 11 in the console", () => {
  let server: ServerProcess;
  let browser: Browser;
  let admin: string;

  /** Signs in over the API (setup only) and answers the session cookie. */
  async function apiLogin(username: string, password = PASSWORD): Promise<string> {
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    expect(res.status).toBe(200);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }

  async function api<T>(cookie: string, method: string, url: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    // the test clock moves hours ahead: sessions must outlive it
    server = await startDemoServer({ PINGAN_TEST_CLOCK: "1", PINGAN_SESSION_HOURS: "720" });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    admin = await apiLogin("demo-admin");
    // setup without a story screen: a handler of the street's micro fire station
    await api(admin, "POST", "/api/users", {
      username: "fire-handler",
      displayName: "消防微站 陈刚",
      password: "Fire-station-2026",
      roles: ["department_handler"],
      scopeCodes: ["330212009"],
      department: "fire-micro-dongsheng",
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(
    username: string,
    viewport: { width: number; height: number },
    password = PASSWORD,
  ) {
    const page = await browser.newPage({ viewport, locale: "zh-CN" });
    await page.goto(`${server.url}/login`);
    await page.locator("#username").fill(username);
    await page.locator("#password").fill(password);
    await page.locator("button[type=submit]").click();
    await page.waitForURL(`${server.url}/`);
    return page;
  }

  /** Picks "group / leaf" in the category cascader of a form. */
  async function pickCategory(page: Page, group: string, leaf: string, field = "#category") {
    await page.locator(field).click();
    await page.locator(".ant-cascader-menu-item", { hasText: group }).first().click();
    await page.locator(".ant-cascader-menu-item", { hasText: new RegExp(`^${leaf}$`) }).click();
  }

  /** The open action form's submit button, once the form is there. */
  async function submitAction(page: Page, fill?: (modal: Locator) => Promise<void>) {
    const modal = page.getByRole("dialog");
    await modal.waitFor(WAIT);
    await fill?.(modal);
    // an SLA timer or a board refresh may move the event on meanwhile: the form then says someone
    // else acted (409) and reloads the event, and the person presses again, as a user would
    for (let attempt = 0; ; attempt++) {
      await modal.locator("#action-submit").click();
      const outcome = await Promise.race([
        modal
          .waitFor({ state: "hidden", ...WAIT })
          .then(() => "done" as const)
          .catch(() => "timeout" as const),
        page
          .locator(".ant-message-notice", { hasText: CONFLICT })
          .last()
          .waitFor(WAIT)
          .then(() => "conflict" as const)
          .catch(() => "timeout" as const),
      ]);
      if (outcome === "done" || attempt >= 2) break;
      await page.waitForTimeout(500); // let the reloaded version reach the form
    }
    await modal.waitFor({ state: "hidden", ...WAIT });
  }

  /** Fills the result and attaches a photo, waiting for the upload to finish. */
  async function resultWithPhoto(modal: Locator, text: string) {
    await modal.locator("#result").fill(text);
    await modal.locator("input[type=file]").setInputFiles(PHOTO);
    await modal.locator(".ant-upload-list-item-done").waitFor(WAIT);
  }

  const boardCard = (page: Page, column: string, id: string) =>
    page.locator(`section[data-column=${column}] [data-event-id="${id}"]`);

  /** On the board: the event's quick action in a column, then its form. */
  async function boardStep(page: Page, column: string, id: string, action: string) {
    const card = boardCard(page, column, id);
    await card.waitFor(WAIT);
    await card.locator(`[data-action=${action}]`).click();
    await submitAction(page);
  }

  /** In the task list (a phone): one of the event's buttons, then its form. */
  async function taskStep(page: Page, id: string, action: string, fill?: (modal: Locator) => Promise<void>) {
    const button = page.locator(`[data-testid=task-card][data-event-id="${id}"] [data-action=${action}]`);
    await button.waitFor(WAIT);
    await button.click();
    await submitAction(page, fill);
  }

  async function kpi(page: Page, id: string) {
    return page.locator(`[data-kpi=${id}]`).innerText();
  }

  it("Story 1: smoke in a micro-grid goes to the fire station and the grid worker at once, and is closed with photos", async () => {
    // the grid worker reports from her phone, picking the place on the map inside the micro-grid
    const worker = await signedIn("demo-grid-worker", PHONE);
    await worker.goto(`${server.url}/events/report`);
    await pickCategory(worker, "突发事件", "火灾");
    await worker.locator(".ant-radio-button-wrapper", { hasText: "紧急" }).click();
    await worker.locator("#description").fill("龙发花园3幢2单元闻到浓烟味，业主不在家，疑似起火");
    await worker.locator(".report-page input[type=file]").setInputFiles(PHOTO);
    await worker.locator(".ant-upload-list-item-done").waitFor(WAIT);
    await worker.locator(".event-point-map[data-ready=true]").waitFor(WAIT);
    const label = worker.locator(".event-point-map div", { hasText: /^1号微网格$/ });
    await label.waitFor(WAIT);
    await worker.locator(".event-point-map").scrollIntoViewIfNeeded();
    const box = (await label.boundingBox())!;
    // the label sits at the micro-grid's centre and lets clicks through to the map
    await worker.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(() => worker.locator("[data-testid=picked-point]").innerText(), WAIT)
      .toContain("张斌社区第1网格1号微网格");
    await worker.screenshot({ path: path.join(SHOTS, "story1-report-phone.png"), fullPage: true });
    await worker.locator("[data-testid=report-submit]").click();
    await worker.getByText("已登记，事件编号").waitFor(WAIT);
    const href = await worker.locator("a", { hasText: "查看事件" }).getAttribute("href");
    const id = decodeURIComponent(href!.split("/").pop()!);

    // the dispatcher accepts it on the board; the routing rule sends it to both units at once
    const desk = await signedIn("demo-dispatcher", DESKTOP);
    await desk.goto(`${server.url}/dispatch/board`);
    await boardStep(desk, "toAccept", id, "accept");
    await boardCard(desk, "handling", id).waitFor(WAIT);
    await desk.goto(`${server.url}/events/${id}`);
    await desk.locator("[data-testid=part]").nth(1).waitFor(WAIT);
    const parts = await desk.locator("[data-testid=part]").allInnerTexts();
    expect(parts.join("\n")).toContain("东胜消防微型站");
    expect(parts.join("\n")).toContain("网格员 王芳");

    // time passes to the yellow warning (the test clock); the board shows it yellow
    const event = await api<{ warnAt: string }>(admin, "GET", `/api/events/${id}`);
    await api(admin, "POST", "/api/admin/clock", {
      now: new Date(Date.parse(event.warnAt) + 60_000).toISOString(),
    });
    await desk.goto(`${server.url}/dispatch/board`);
    await expect
      .poll(() => boardCard(desk, "handling", id).getAttribute("data-colour"), WAIT)
      .toMatch(/yellow|red/);
    await desk.screenshot({ path: path.join(SHOTS, "story1-board.png") });
    // back to the real time: the rest happens within minutes, as in the story
    await api(admin, "POST", "/api/admin/clock", { now: new Date().toISOString() });

    // the fire station and the grid worker each finish their part with a photo, from their phones
    const fire = await signedIn("fire-handler", PHONE, "Fire-station-2026");
    await fire.goto(`${server.url}/tasks`);
    await taskStep(fire, id, "finish_part", (m) =>
      resultWithPhoto(m, "已扑灭，烟源为厨房锅具干烧，已通知业主"),
    );
    await worker.goto(`${server.url}/tasks`);
    await taskStep(worker, id, "finish_part", (m) => resultWithPhoto(m, "已联系业主回家，现场无明火"));
    await taskStep(worker, id, "feedback", (m) => m.locator("#result").fill("火情已消除，业主已到场"));
    await worker.screenshot({ path: path.join(SHOTS, "story1-tasks-phone.png"), fullPage: true });

    // the centre verifies and closes it
    await desk.goto(`${server.url}/dispatch/board`);
    await boardStep(desk, "toVerify", id, "verify");
    await boardStep(desk, "toVerify", id, "close");
    await boardCard(desk, "toEvaluate", id).waitFor(WAIT);
    await desk.goto(`${server.url}/events/${id}`);
    await desk.locator("[data-state=closed]").first().waitFor(WAIT);
    await expect.poll(() => desk.locator(".event-timeline").innerText(), WAIT).toContain("结案");
    const timeline = await desk.locator(".event-timeline").innerText();
    for (const step of ["上报", "受理", "分派", "办结任务", "反馈结果", "核查"])
      expect(timeline).toContain(step);
    await desk.locator(".event-point-map[data-ready=true]").waitFor(WAIT);
    await desk.screenshot({ path: path.join(SHOTS, "story1-event.png"), fullPage: true });

    // and it counts in the street's fire figures
    await desk.goto(`${server.url}/supervision`);
    await pickCategory(desk, "突发事件", "火灾", "#kpi-category");
    await expect.poll(() => kpi(desk, "closure_rate"), WAIT).toContain("100.0%");
    expect(await kpi(desk, "closure_rate")).toContain("1 / 1");
    await desk.screenshot({ path: path.join(SHOTS, "story1-kpis.png") });
    await Promise.all([worker.close(), desk.close(), fire.close()]);
  }, 120_000);

  it("Story 11: a 110 non-police request goes to the grid worker, is handled and closed in the grid", async () => {
    // the desk registers the 110 hand-over: an old woman asks for her bicycle to be carried upstairs
    const desk = await signedIn("demo-dispatcher", DESKTOP);
    await desk.goto(`${server.url}/events/report`);
    await desk.locator("#source").click();
    await desk.locator(".ant-select-item-option", { hasText: "110 非警务警情" }).click();
    await pickCategory(desk, "非警务求助", "生活求助");
    await desk.locator("#description").fill("独居老人来电，请网格员帮忙把自行车从地下室搬上楼");
    await desk.getByPlaceholder("或输入区域代码").fill("33021200900100102");
    await desk.locator("#reporterName").fill("黄阿婆");
    await desk.locator("#reporterPhone").fill("13805740000");
    await desk.locator("[data-testid=report-submit]").click();
    await desk.getByText("已登记，事件编号").waitFor(WAIT);
    const href = await desk.locator("a", { hasText: "查看事件" }).getAttribute("href");
    const id = decodeURIComponent(href!.split("/").pop()!);

    // taken at the desk, the rule hands non-police help to the grid's worker at once (the morning alert)
    await desk.getByText("网格员 王芳").first().waitFor(WAIT);
    await desk.goto(`${server.url}/dispatch/board`);
    await boardCard(desk, "handling", id).waitFor(WAIT);

    // the grid worker helps in the evening and reports back from her phone
    const worker = await signedIn("demo-grid-worker", PHONE);
    await worker.goto(`${server.url}/tasks`);
    await taskStep(worker, id, "finish_part", (m) => m.locator("#result").fill("已帮老人把自行车搬上楼"));
    await taskStep(worker, id, "feedback", (m) => m.locator("#result").fill("已办结，老人表示满意"));

    // the centre checks and closes it: closed in the grid
    await desk.goto(`${server.url}/dispatch/board`);
    await boardStep(desk, "toVerify", id, "verify");
    await boardStep(desk, "toVerify", id, "close");
    await desk.goto(`${server.url}/events/${id}`);
    await desk.getByText("网格自结").waitFor(WAIT);
    await desk.screenshot({ path: path.join(SHOTS, "story11-event.png"), fullPage: true });

    // the closed-in-grid rate counts it
    await desk.goto(`${server.url}/supervision`);
    await pickCategory(desk, "非警务求助", "生活求助", "#kpi-category");
    await expect.poll(() => kpi(desk, "closed_in_grid_rate"), WAIT).toContain("100.0%");
    expect(await kpi(desk, "closed_in_grid_rate")).toContain("1 / 1");
    await desk.screenshot({ path: path.join(SHOTS, "story11-kpis.png") });
    await Promise.all([worker.close(), desk.close()]);
  }, 120_000);
});
