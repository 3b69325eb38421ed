import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { SignInPage } from "./pages/sign-in-page";

/** Set when the suite runs against a deployment (E2E_BASE_URL): no local server, no simulators, accounts from the environment. */
export const AGAINST_DEPLOYMENT = Boolean(process.env.E2E_BASE_URL);

/** What a test needing the simulators (faults, request log, /_sim/, seeded demo data) says when it is skipped. */
export const SIM_NOTICE = `@sim: needs the simulators; skipped against the deployment at ${process.env.E2E_BASE_URL}`;
/** The tag of those tests: `npx playwright test --grep-invert @sim` leaves them out anywhere. */
export const SIM = { tag: "@sim" };

/** Call at the top of a spec whose every test needs the simulators: against a deployment the file is skipped, hooks too. */
export function needsSimulators() {
  test.skip(AGAINST_DEPLOYMENT, SIM_NOTICE);
}

/**
 * The accounts: made by first-run.setup.ts on the fresh local database, or taken from the environment against
 * a deployment (E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, E2E_MANAGER_EMAIL, E2E_MANAGER_PASSWORD).
 */
export const ADMIN = {
  name: process.env.E2E_ADMIN_NAME ?? "Ada Admin",
  email: process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test",
  password: process.env.E2E_ADMIN_PASSWORD ?? "admin-password-1",
};
export const MANAGER_EMAIL = process.env.E2E_MANAGER_EMAIL ?? "manager@e2e.test";
/** The app's data for this run (scripts/e2e-parallel.mjs gives each of its two runs its own), and the sessions saved beside it. */
export const E2E_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? ".data/e2e");
export const STATE_DIR = `${E2E_DATA_DIR}-auth`;
export const SIM_URL = `http://127.0.0.1:${process.env.SIM_PORT ?? 4011}`;

export async function signIn(page: Page, email: string, password: string) {
  await new SignInPage(page).signIn(email, password);
}

export async function signOut(page: Page) {
  await new SignInPage(page).signOut();
}

/** Values handed from the first-run set-up to the specs (the manager's temporary password). */
export function saveShared(data: Record<string, string>) {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  // A saved manager session belongs to the manager (and password) of an earlier run: pageAs signs in anew.
  fs.rmSync(path.join(STATE_DIR, "manager.json"), { force: true });
  fs.writeFileSync(path.join(STATE_DIR, "shared.json"), JSON.stringify(data));
  // A manager session saved by pageAs belongs to an earlier run's database or password: sign in afresh.
  fs.rmSync(path.join(STATE_DIR, "manager.json"), { force: true });
}

export function loadShared(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(STATE_DIR, "shared.json"), "utf8"));
}

/** The app's own log (the simulators log elsewhere): written by scripts/serve.mts --e2e. */
export function appLog(): string {
  return fs.readFileSync(path.join(E2E_DATA_DIR, "app.log"), "utf8");
}

/** Everything the app's database holds, as text: a pg_dump on PostgreSQL, the raw files of PGlite. */
export function databaseContents(): string {
  const url = process.env.DATABASE_URL;
  if (url) return execFileSync("pg_dump", ["--data-only", url], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(E2E_DATA_DIR, "pglite"));
  return files.map((f) => fs.readFileSync(f).toString("latin1")).join("\n");
}

/** The simulators' demo accounts, as the workspace specs connect to them. */
export const SIM_CONNECTIONS = {
  calldron: { name: "Calldron main", provider: "Calldron", baseUrl: `${SIM_URL}/calldron/v1/`, key: "cdDemoXsVGbrnM6aosxGIJUmwQIPI1lT" },
  calldog: { name: "Calldog main", provider: "Calldog", baseUrl: `${SIM_URL}/calldog/`, key: "cdg_demo_4f1c9a7e2b8d6035e1a4c7b9" },
  obzvonilka: { name: "Obzvonilka main", provider: "Obzvonilka", baseUrl: `${SIM_URL}/obzvonilka/api/`, key: "obz-demo-4f8a2c9e71b3d605" },
} as const;

/** Adds a connection to a simulator's demo account as the admin, unless one of that name exists. */
export async function ensureConnection(browser: Browser, which: keyof typeof SIM_CONNECTIONS): Promise<void> {
  const c = SIM_CONNECTIONS[which];
  const context = await browser.newContext({ storageState: `${STATE_DIR}/admin.json` });
  const page = await context.newPage();
  await page.goto("/settings/connections");
  await expect(page.getByRole("heading", { name: "Provider connections" })).toBeVisible();
  if ((await page.getByTestId(`connection-row-${c.name}`).count()) === 0) {
    await page.getByRole("button", { name: "Add connection" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(c.name);
    await dialog.getByLabel("Provider").selectOption({ label: c.provider });
    await dialog.getByLabel("Base URL").fill(c.baseUrl);
    await dialog.getByLabel("API key").fill(c.key);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId(`connection-row-${c.name}`)).toBeVisible();
  }
  await context.close();
}

/** A signed-in page for a role; the manager's session is saved by the foundation spec's password change, or signed in here. */
export async function pageAs(browser: Browser, role: "admin" | "manager"): Promise<Page> {
  if (role === "admin") return (await browser.newContext({ storageState: `${STATE_DIR}/admin.json` })).newPage();
  const managerState = path.join(STATE_DIR, "manager.json");
  if (fs.existsSync(managerState)) return (await browser.newContext({ storageState: managerState })).newPage();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, MANAGER_EMAIL, loadShared().managerPassword as string);
  await expect(page.getByTestId("current-user").first()).toBeVisible();
  await context.storageState({ path: managerState });
  return page;
}

/** One simulated provider's request log (no keys in it), for asserting what reached it; see lib/sim/request-log.ts. */
export async function simRequestLog(provider: keyof typeof SIM_CONNECTIONS): Promise<{ method: string; path: string; status: number; bodyShape?: unknown; fault?: string; phone?: string; plannedAt?: number }[]> {
  const response = await fetch(`${SIM_URL}/_sim/log/${provider}`);
  return (await response.json()) as never;
}

/** The page itself never scrolls sideways: only a wide table's own region may (a cut filter or an escaped label widens the page). */
export async function expectNoPageScroll(page: Page, where: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${where} scrolls sideways`).toBeLessThanOrEqual(0);
}

/**
 * A control shows its words whole: an input's placeholder and every option of a select fit inside its padding
 * (a select's arrow takes about 24 px). Measured in the control's own font: a cut control does not widen the page.
 */
export async function expectControlTextFits(control: Locator, where: string): Promise<void> {
  const overflow = await control.evaluate((el: HTMLInputElement | HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const context = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const texts = el instanceof HTMLSelectElement ? [...el.options].map((o) => o.text) : [el.placeholder];
    const room = el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - (el instanceof HTMLSelectElement ? 24 : 0);
    return Math.max(...texts.map((t) => context.measureText(t).width)) - room;
  });
  expect(overflow, `${where} is cut`).toBeLessThanOrEqual(0);
}

/** A recording player opened in the page: it learns a duration, plays, and seeks by keyboard (the browser then asks for a range). */
export async function expectRecordingPlays(page: Page): Promise<void> {
  const player = page.getByRole("group", { name: /Recording of the call to/ });
  await expect(player).toBeVisible();
  await expect.poll(() => player.locator("audio").evaluate((a: HTMLAudioElement) => a.duration), { timeout: 15_000 }).toBeGreaterThan(0);
  await player.getByRole("button", { name: "Play" }).click();
  const seek = player.getByRole("slider", { name: "Position" });
  await seek.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("PageUp");
  await expect.poll(() => player.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0);
  await player.getByRole("button", { name: "Pause" }).click();
  await player.getByLabel("Playback speed").selectOption("1.5");
  expect(await player.locator("audio").evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.5);
  const download = player.getByRole("link", { name: "Download" });
  await expect(download).toHaveAttribute("download", /\.mp3$/);
  expect(await download.getAttribute("href")).toBe(await player.locator("audio").getAttribute("src"));
}

/**
 * Waits until no finite CSS transition or animation is running: axe reads the colours as they are at that moment,
 * and a button caught fading in as it is enabled fails colour contrast (4.34 of 4.5 once, on CI's kind of machine).
 * Endless ones (a spinner) are left running.
 */
export async function settleAnimations(page: Page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY),
  );
}

/** axe on the page as it stands: no serious or critical violation (each named with its elements and what fails). */
export async function expectNoSeriousViolations(page: Page, where: string) {
  // Next streams a dynamic page's metadata after its body: a scan that starts first finds no <title> yet.
  await expect(page, `the title of ${where}`).toHaveTitle(/\S/);
  await settleAnimations(page);
  // Violations only: collecting the passing and incomplete checks' nodes too doubles the time of a scan.
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(" ")} (${n.failureSummary?.split("\n")[1]?.trim() ?? ""})`).join("; ")}`),
    `axe on ${where}`,
  ).toEqual([]);
}

/** A call to the Calldog simulator's API with the demo connection's key; the answer's `data`, after a 200. */
export async function calldogSim<T>(path: string, body: Record<string, unknown>): Promise<T[]> {
  const response = await fetch(`${SIM_URL}/calldog/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ apiKey: SIM_CONNECTIONS.calldog.key, ...body }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: T[] }).data;
}

/** How the simulators' calls end from now on (answer and busy rates, talk time). */
export async function setSimOutcomes(settings: Record<string, number>): Promise<void> {
  await fetch(`${SIM_URL}/_sim/outcomes`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(settings) });
}

/** Drops files on an element as a browser does when they are dragged there from the desktop. */
export async function dropFiles(page: Page, target: Locator, files: { name: string; type: string; text?: string; bytes?: Buffer }[]): Promise<void> {
  const list = files.map(({ name, type, text, bytes }) => ({ name, type, base64: (bytes ?? Buffer.from(text ?? "")).toString("base64") }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, type, base64 } of list) transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type }));
    return transfer;
  }, list);
  await target.dispatchEvent("dragenter", { dataTransfer });
  await target.dispatchEvent("dragover", { dataTransfer });
  await target.dispatchEvent("drop", { dataTransfer });
}
