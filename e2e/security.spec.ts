import http from "node:http";
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
  await expect(page.getByTestId("chart-timeline").locator("svg.recharts-surface[role=application]")).toBeVisible();

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

/** One HTTP request from a chosen loopback address (127.0.0.0/8 is all local), so a test's lock-out stays its own. */
function requestFrom(
  localAddress: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method: init.method ?? "GET", headers: init.headers, localAddress }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/** A failed password sign-in through Auth.js's endpoint; answers with the error code of the redirect (`invalid` or `throttled`). */
async function failSignIn(from: string, email: string, forged: string): Promise<string | null> {
  const csrf = await requestFrom(from, "/api/auth/csrf");
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await requestFrom(from, "/api/auth/callback/credentials", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      // Everything a client could send to pass for another address.
      "x-forwarded-for": forged,
      "x-real-ip": forged,
      "x-prozvon-socket-address": forged,
    },
    body: new URLSearchParams({ csrfToken, email, password: "wrong-password" }).toString(),
  });
  return new URL(String(res.headers.location), "http://x").searchParams.get("code");
}

test("injected markup's inline handler and an inline script are blocked and reported, so the watch above would have seen them", async ({ browser }) => {
  const context = await browser.newContext();
  const problems = watch(context);
  const page = await context.newPage();
  await page.goto("/signin");
  await page.waitForLoadState("load");
  // What a stored XSS would be if some text were put into the page as HTML.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<img src="/none.png" onerror="window.__injected = 1">`);
    document.body.insertAdjacentHTML("beforeend", `<iframe srcdoc="<script>parent.__injected = 2</script>"></iframe>`);
  });
  await expect.poll(() => problems.join("\n")).toContain("CSP violation: script-src");
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  await context.close();
});

test("a forged X-Forwarded-For does not dodge the per-address sign-in limit", async () => {
  const run = Date.now().toString(36);
  const attacker = `127.0.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 200) + 20}`;
  // A different e-mail each time (the per-e-mail limit is 5), a different forged address each time: 20 failures lock the address.
  for (let i = 0; i < 20; i++) expect(await failSignIn(attacker, `forger-${run}-${i}@e2e.test`, `198.51.100.${i + 1}`)).toBe("invalid");
  expect(await failSignIn(attacker, `forger-${run}-x@e2e.test`, "198.51.100.200")).toBe("throttled");
  // Another address is not locked.
  expect(await failSignIn("127.0.0.9", `bystander-${run}@e2e.test`, "198.51.100.200")).toBe("invalid");
});
