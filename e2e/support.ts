import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

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
  fs.writeFileSync(path.join(STATE_DIR, "shared.json"), JSON.stringify(data));
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
