/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, startDemoServer, type ServerProcess } from "../server-process";

// The browser suite: skipped with a message where Chromium or the built console is missing,
// except under CI=true, where their absence is a failure.
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const WEB_BUILT = fs.existsSync(path.join(REPO_ROOT, "web/dist/index.html"));
const missing = !CHROMIUM
  ? "Chromium (apt-get install chromium fonts-wqy-microhei)"
  : !WEB_BUILT
    ? "the built console (npm run build)"
    : "";
if (missing && process.env.CI === "true")
  throw new Error(`CI=true but ${missing} is missing: the browser suite is required`);
if (missing) console.warn(`Skipping the browser suite: ${missing} is missing`);

const SHOTS = path.join(os.tmpdir(), "pingan-screens");

describe.skipIf(Boolean(missing))("console in headless Chromium", () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    server = await startDemoServer();
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
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function login(page: Page, username: string, password = "pingan-demo") {
    await page.goto(`${server.url}/login`);
    await page.locator("#username").fill(username);
    await page.locator("#password").fill(password);
    await page.locator("button[type=submit]").click();
  }

  it("a dispatcher logs in and sees their home page, scope and watermark", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: "zh-CN" });
    await login(page, "demo-dispatcher");
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByText("综治中心 林晓").first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText("东胜街道").first().isVisible()).toBe(true);
    // the watermark: antd draws it as a background image over the content
    const watermarks = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>("div")].filter((d) =>
          d.style.backgroundImage.startsWith('url("data:image'),
        ).length,
    );
    expect(watermarks).toBeGreaterThan(0);
    // no admin navigation for a dispatcher
    expect(await page.getByText("审计日志").count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, "dispatcher-home.png"), fullPage: true });
    await page.close();
  });

  it("a dispatcher drills the map down from the street to a micro-grid", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, locale: "zh-CN" });
    const blocked: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await login(page, "demo-dispatcher");
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/map`);
    await page.locator("canvas.maplibregl-canvas").waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByText("东胜第1网层").first().isVisible(), { timeout: 15_000 })
      .toBe(true);
    await page.goto(`${server.url}/map?area=33021200900100101`);
    await expect
      .poll(() => page.locator(".ant-breadcrumb").innerText(), { timeout: 15_000 })
      .toContain("张斌社区第1网格1号微网格");
    const crumbs = await page.locator(".ant-breadcrumb").innerText();
    expect(crumbs).toContain("东胜街道");
    expect(crumbs).toContain("张斌社区第1网格");
    await page.waitForTimeout(500); // let MapLibre draw the polygons before the screenshot
    await page.screenshot({ path: path.join(SHOTS, "map-micro-grid.png") });
    expect(blocked).toEqual([]); // the console's CSP blocks nothing the console itself needs
    await page.close();
  });

  it("a wrong password shows the server's message and stays on the login page", async () => {
    const page = await browser.newPage({ locale: "zh-CN" });
    await login(page, "demo-dispatcher", "wrong-password");
    await expect.poll(() => page.getByText("用户名或密码错误").first().isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.close();
  });

  it("an administrator finds their own login in the audit trail, and the console switches to English", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
    await login(page, "demo-admin");
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/admin/audit`);
    await expect.poll(() => page.getByText("auth.login").first().isVisible(), { timeout: 15_000 }).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, "admin-audit.png"), fullPage: true });
    await page.goto(`${server.url}/`);
    await page.getByText("EN", { exact: true }).first().click();
    await expect
      .poll(() => page.getByText("Log out").or(page.getByText("Audit log")).first().count())
      .toBeGreaterThan(0);
    await page.close();
  });

  it("a grid worker sees their grids and cannot open administration", async () => {
    const page = await browser.newPage({ locale: "zh-CN" });
    await login(page, "demo-grid-worker");
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByText("网格员 王芳").first().isVisible()).toBe(true);
    await page.goto(`${server.url}/admin/users`);
    // wait for the refusal itself, so the check below looks at a rendered page, not a blank one
    await expect.poll(() => page.getByText("您没有访问此页面的权限").first().isVisible()).toBe(true);
    expect(await page.getByText("demo-dispatcher").count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, "grid-worker.png"), fullPage: true });
    await page.close();
  });
});
