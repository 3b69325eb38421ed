import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { makeWav } from "@/lib/sim/audio";
import { ensureConnection, pageAs } from "./support";

test.describe.configure({ mode: "serial" });

/**
 * What the browser reports against the page: CSP violations (the event, caught before any page script),
 * console errors and uncaught exceptions.
 */
function watch(context: BrowserContext): string[] {
  const problems: string[] = [];
  context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on("console", (message) => {
    if (message.type() === "error") problems.push(`${message.location().url}: ${message.text()}`);
  });
  context.on("weberror", (error) => problems.push(`page error: ${error.error().message}`));
  return problems;
}

async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: heading, exact: typeof heading === "string" }).first()).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  for (const provider of ["calldron", "calldog", "obzvonilka"] as const) await ensureConnection(browser, provider);
  const page = await pageAs(browser, "admin");
  const response = await page.request.post("/api/testing/overview-fixture", { data: { suffix: `sec${Date.now().toString(36)}` } });
  expect(response.status()).toBe(200);
  await page.context().close();
});

test("every page carries a fresh nonce-based policy that Next's own scripts satisfy, with the other headers", async ({ page }) => {
  const first = await page.request.get("/signin");
  const second = await page.request.get("/signin");
  const csp = first.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  // Every script tag of the page is Next's, and carries this response's nonce.
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const headers = first.headers();
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // A route handler's answer and a redirect are covered too.
  expect((await page.request.get("/api/health")).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("sign-in, the overview's charts, the calls, the audio library with a player and the IVR builder run with no CSP violation or console error", async ({ browser }) => {
  const anonymous = await browser.newContext();
  const anonymousProblems = watch(anonymous);
  const signin = await anonymous.newPage();
  await visit(signin, "/signin", "Sign in to Prozvon");
  await signin.getByLabel("E-mail").fill("nobody@e2e.test");
  await expect(signin.getByLabel("E-mail")).toHaveValue("nobody@e2e.test");
  await anonymous.close();
  expect(anonymousProblems).toEqual([]);

  const page = await pageAs(browser, "manager");
  const problems = watch(page.context());
  await page.setViewportSize({ width: 1280, height: 900 });

  await visit(page, "/", "Overview");
  await expect(page.getByTestId("chart-timeline").locator("svg.recharts-surface")).toBeVisible();

  await visit(page, "/calls", "Calls");
  await visit(page, "/audio", "Audio");
  const fileForm = page.getByRole("form", { name: "New record from a file" });
  await fileForm.getByLabel("Audio file", { exact: true }).setInputFiles({ name: "csp.wav", mimeType: "audio/wav", buffer: makeWav(1) });
  const preview = fileForm.getByRole("group", { name: "Preview of csp.wav" });
  await expect(preview).toBeVisible();
  await preview.getByRole("button", { name: "Play" }).click();
  await expect(preview.getByRole("button", { name: "Pause" })).toBeVisible();

  await visit(page, "/campaigns/calldog/menus/new", /menu/i);
  await visit(page, "/profile", "Profile");
  // Client-side navigation (RSC payloads, prefetches) under the same policy.
  await page.getByRole("link", { name: "Campaigns" }).first().click();
  await expect(page.getByRole("heading", { name: "Campaigns", exact: true })).toBeVisible();
  await page.context().close();
  expect(problems).toEqual([]);
});
