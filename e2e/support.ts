import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { type Browser, expect, type Page } from "@playwright/test";

export const ADMIN = { name: "Ada Admin", email: "admin@e2e.test", password: "admin-password-1" };
export const MANAGER_EMAIL = "manager@e2e.test";
export const STATE_DIR = path.resolve(".data/e2e-auth");
export const SIM_URL = `http://127.0.0.1:${process.env.SIM_PORT ?? 4011}`;

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).filter({ visible: true }).click();
  await expect(page).toHaveURL(/\/signin/);
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
  return fs.readFileSync(path.resolve(".data/e2e/app.log"), "utf8");
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
  walk(path.resolve(".data/e2e/pglite"));
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
export async function simRequestLog(provider: keyof typeof SIM_CONNECTIONS): Promise<{ method: string; path: string; status: number; bodyShape?: unknown; fault?: string; phone?: string }[]> {
  const response = await fetch(`${SIM_URL}/_sim/log/${provider}`);
  return (await response.json()) as never;
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
}
