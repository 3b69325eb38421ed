import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { CALLDRON_SIM_ACCOUNTS } from "@/lib/sim/calldron/simulator-accounts";
import { ADMIN, appLog, databaseContents, expectNoSeriousViolations, loadShared, MANAGER_EMAIL, needsSimulators, saveShared, signIn, signOut, SIM_URL, STATE_DIR } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

const KEY = CALLDRON_SIM_ACCOUNTS[0].key;
const WRONG_KEY = "wrong-key-0123456789abcdef-zz99";
const bodies: string[] = [];
/** Pages and RSC payloads the manager received (not static scripts): a key's last digits must not be there. */
const managerPages: string[] = [];

test.describe.configure({ mode: "serial" });

/** Every response body the browser receives (HTML, RSC payloads, JSON) is kept for the secrecy check. */
function record(context: BrowserContext, pages?: string[]) {
  context.on("response", async (response) => {
    try {
      const text = await response.text();
      bodies.push(text);
      const type = response.headers()["content-type"] ?? "";
      if (pages && /text\/html|text\/x-component|json/.test(type)) pages.push(text);
    } catch {
      // redirects and aborted requests have no body
    }
  });
}

async function adminPage(browser: import("@playwright/test").Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: `${STATE_DIR}/admin.json` });
  record(context);
  return context.newPage();
}

async function addConnection(page: Page, fields: { name: string; provider: string; baseUrl?: string; key: string }) {
  await page.getByRole("button", { name: "Add connection" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(fields.name);
  await dialog.getByLabel("Provider").selectOption({ label: fields.provider });
  if (fields.baseUrl !== undefined) await dialog.getByLabel("Base URL").fill(fields.baseUrl);
  await dialog.getByLabel("API key").fill(fields.key);
  await dialog.getByRole("button", { name: "Save" }).click();
  return dialog;
}

test("admin adds, tests and edits provider connections; the key is write-only", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/settings/connections");
  await expect(page.getByTestId("connections-empty")).toBeVisible();

  // Bad input: a base URL that is not http(s), an empty key.
  let dialog = await addConnection(page, { name: "Broken", provider: "Calldron", baseUrl: "ftp://example.com/", key: "" });
  await expect(dialog.getByText("Enter an http:// or https:// address.")).toBeVisible();
  await expect(dialog.getByText("Enter the API key.")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // A production start sends a key over https only, and never into a private network (loopback is the e2e run's exception).
  dialog = await addConnection(page, { name: "Clear", provider: "Calldron", baseUrl: "http://203.0.113.5/calldron/v1/", key: KEY });
  await expect(dialog.getByText("Use an https:// address").first()).toBeVisible();
  await dialog.getByLabel("Base URL").fill("https://192.168.10.1/calldron/v1/");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("This address is on a private or local network").first()).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // The default base URL follows the provider.
  await page.getByRole("button", { name: "Add connection" }).click();
  dialog = page.getByRole("dialog");
  await dialog.getByLabel("Provider").selectOption({ label: "Calldog" });
  await expect(dialog.getByLabel("Base URL")).toHaveValue("https://lk.calldog.ru/");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  dialog = await addConnection(page, { name: "Calldron sim", provider: "Calldron", baseUrl: `${SIM_URL}/calldron/v1/`, key: KEY });
  await expect(dialog).toBeHidden();
  const row = page.getByTestId("connection-row-Calldron sim");
  await expect(row).toContainText(`…${KEY.slice(-4)}`);
  await row.getByRole("button", { name: "Test" }).click();
  await expect(row.getByTestId("test-result")).toContainText("Connected");

  await addConnection(page, { name: "Calldron wrong key", provider: "Calldron", baseUrl: `${SIM_URL}/calldron/v1/`, key: WRONG_KEY });
  const wrong = page.getByTestId("connection-row-Calldron wrong key");
  await wrong.getByRole("button", { name: "Test" }).click();
  await expect(wrong.getByTestId("test-result")).toContainText("Wrong API key");

  await addConnection(page, { name: "Nowhere", provider: "Obzvonilka", baseUrl: "http://127.0.0.1:9/api/", key: "whatever-key" });
  const nowhere = page.getByTestId("connection-row-Nowhere");
  await nowhere.getByRole("button", { name: "Test" }).click();
  await expect(nowhere.getByTestId("test-result")).toContainText("Unreachable");

  // Editing other fields keeps the stored key: the test still passes after a rename.
  await row.getByRole("button", { name: "Edit" }).click();
  dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("API key")).toHaveValue("");
  await expect(dialog.getByText(`…${KEY.slice(-4)}`)).toBeVisible();
  await dialog.getByLabel("Name").fill("Calldron main");
  await dialog.getByRole("button", { name: "Save" }).click();
  const renamed = page.getByTestId("connection-row-Calldron main");
  await expect(renamed).toBeVisible();
  await renamed.getByRole("button", { name: "Test" }).click();
  await expect(renamed.getByTestId("test-result")).toContainText("Connected");

  // Delete asks first and names the connection.
  await nowhere.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("dialog")).toContainText('Delete the connection "Nowhere"?');
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("connection-row-Nowhere")).toHaveCount(0);

  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: "Connection added" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Connection tested" }).first()).toBeVisible();
  // "From where": the sign-in's address is the request's, not "unknown".
  const signInRow = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "Signed in", exact: true }) }).first();
  await expect(signInRow).toContainText(/::1|127\.0\.0\.1/);
  await page.context().close();
});

test("a user with a temporary password can do nothing but change it; the change is audited", async ({ browser }) => {
  const temporary = loadShared().managerPassword as string;
  const chosen = "manager-own-password-1";
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, MANAGER_EMAIL, temporary);
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByText("You are signed in with a temporary password")).toBeVisible();
  await expectNoSeriousViolations(page, "/change-password");

  // Pages send them back, route handlers and server actions refuse them.
  for (const path of ["/", "/campaigns", "/profile", "/settings/users"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/change-password$/);
  }
  expect((await page.request.get("/api/calls/export")).status()).toBe(401);
  expect((await page.request.get("/api/dnc/export")).status()).toBe(401);

  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill(chosen);
  await page.getByLabel("Repeat the new password").fill(chosen);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is wrong.").first()).toBeVisible();

  await page.getByLabel("Current password").fill(temporary);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The password must be at least 10 characters.")).toBeVisible();

  await page.getByLabel("New password", { exact: true }).fill(chosen);
  await page.getByLabel("Repeat the new password").fill(chosen);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.goto("/change-password");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  expect((await page.request.get("/api/dnc/export")).status()).toBe(200);
  await signOut(page);

  await signIn(page, MANAGER_EMAIL, temporary);
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
  await signIn(page, MANAGER_EMAIL, chosen);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  saveShared({ ...loadShared(), managerPassword: chosen });
  await context.close();

  const admin = await adminPage(browser);
  await admin.goto("/settings/audit");
  const changed = admin.getByRole("row").filter({ has: admin.getByRole("cell", { name: "Password changed", exact: true }) }).first();
  await expect(changed).toContainText(MANAGER_EMAIL);
  await admin.context().close();
});

test("a manager sees no settings, gets 403 by URL, and a settings action sent with their session is refused", async ({ browser }) => {
  // Capture a real delete-connection action request as the admin, without letting it through.
  const admin = await adminPage(browser);
  await admin.goto("/settings/connections");
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await admin.route("**/settings/connections", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postData() ?? "" };
      await route.abort();
    } else await route.continue();
  });
  const victim = admin.getByTestId("connection-row-Calldron main");
  await victim.getByRole("button", { name: "Delete" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => captured).toBeDefined();
  await admin.context().close();

  const context = await browser.newContext();
  record(context, managerPages);
  const page = await context.newPage();
  const { managerPassword } = loadShared();
  await signIn(page, MANAGER_EMAIL, managerPassword as string);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(page.getByText("Calldron main")).toBeVisible(); // managers see connection names…

  const response = await page.goto("/settings/connections");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Access denied" })).toBeVisible();
  expect((await page.goto("/settings/users"))?.status()).toBe(403);
  // Not found is a 404, also below a loading boundary (a streamed shell once made these 200s).
  const missing = "00000000-0000-4000-8000-000000000000";
  for (const path of ["/no-such-page", `/campaigns/calldog/${missing}`, `/campaigns/calldog/menus/${missing}`, `/campaigns/calldron/${missing}/1`, `/imports/${missing}`]) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }

  // Replay the admin's delete action with the manager's cookies.
  if (!captured) throw new Error("no action captured");
  const { cookie: _adminCookie, ...headers } = captured.headers;
  const replay = await page.request.post(captured.url, { headers, data: captured.body });
  const text = await replay.text();
  expect(text).toContain("forbidden");
  expect(text).toContain("You do not have permission to do this.");
  await context.close();

  const check = await adminPage(browser);
  await check.goto("/settings/connections");
  await expect(check.getByTestId("connection-row-Calldron main")).toBeVisible();
  await check.context().close();
});

test("sign-in refuses bad input and throttles after 5 failures", async ({ page }) => {
  await signIn(page, "not-an-email", "whatever");
  await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();

  await signIn(page, ADMIN.email, "wrong-password");
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();

  const victim = "throttle@e2e.test";
  for (let i = 0; i < 5; i++) {
    await signIn(page, victim, `wrong-${i}`);
    await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
  }
  await signIn(page, victim, "wrong-5");
  await expect(page.getByText("Too many failed sign-in attempts. Try again in 15 minutes.")).toBeVisible();
  // The admin's own e-mail is not locked by another address's failures.
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});

test("a disabled user's open session stops working on its next request", async ({ browser }) => {
  const managerContext = await browser.newContext();
  record(managerContext);
  const manager = await managerContext.newPage();
  await signIn(manager, MANAGER_EMAIL, loadShared().managerPassword as string);
  await expect(manager.getByRole("heading", { name: "Overview" })).toBeVisible();

  const admin = await adminPage(browser);
  await admin.goto("/settings/users");
  const row = admin.getByTestId(`user-row-${MANAGER_EMAIL}`);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(admin.getByRole("dialog")).toContainText(MANAGER_EMAIL);
  await admin.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
  await expect(row).toContainText("Disabled");

  await manager.goto("/lists");
  await expect(manager).toHaveURL(/\/signin/);

  await row.getByRole("button", { name: "Enable" }).click();
  await expect(row).toContainText("Active");
  await managerContext.close();
  await admin.context().close();
});

test("the interface switches to Russian and remembers it", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/");
  await page.getByLabel("Language").filter({ visible: true }).selectOption("ru");
  await expect(page.getByRole("heading", { name: "Обзор" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Списки контактов" })).toBeVisible();
  await page.goto("/settings/connections");
  await expect(page.getByRole("heading", { name: "Подключения к провайдерам" })).toBeVisible();
  await page.getByLabel("Язык").filter({ visible: true }).selectOption("en");
  await expect(page.getByRole("heading", { name: "Provider connections" })).toBeVisible();
  await signOut(page);
  await page.context().close();
});

// Provider data on the area pages. The connections left by the tests above: "Calldron main" (the
// simulator's demo account, with its demo batches and lists) and "Calldron wrong key"; no Obzvonilka.
test("campaigns show each Calldron account's batches, and an account that fails says why", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/campaigns");
  const main = page.locator("section").filter({ hasText: "Calldron main" });
  await expect(main.getByRole("cell", { name: /Напоминание о записи к врачу/ })).toBeVisible();
  await expect(main.getByRole("row").filter({ hasText: "Напоминание о записи к врачу" })).toContainText("Finished");
  await expect(main.getByRole("row").filter({ hasText: "Акция выходного дня" })).toContainText("Not started");
  const wrong = page.locator("section").filter({ hasText: "Calldron wrong key" });
  await expect(wrong.getByRole("alert")).toContainText("Could not read this account: Wrong API key.");
  await page.context().close();
});

test("contact lists show Calldron lists and say that no Obzvonilka account is connected", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/lists");
  await expect(page.locator("section").filter({ hasText: "Calldron main" }).getByRole("cell", { name: "Пациенты клиники «Здоровье»" })).toBeVisible();
  await expect(page.getByText("No Obzvonilka account is connected yet.")).toBeVisible();
  await page.context().close();
});

test("calls of a chosen batch are listed with readable numbers and statuses, page by page", async ({ browser }) => {
  const page = await adminPage(browser);
  // A batch's live calls are on its page; /calls shows the synced calls of every provider.
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Уведомление о задолженности", exact: true }).first().click();
  await expect(page).toHaveURL(/\/campaigns\/calldron\//);
  const rows = page.getByTestId("call-row");
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toContainText(/\+7 \d{3} \d{3} \d{2} \d{2}/);
  await expect(rows.filter({ hasText: "Answered" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(page.getByText("Page 2 of 16")).toBeVisible();
  await expect(rows.first()).toBeVisible();
  await page.context().close();
});

test("no API key appears in any response body or in the server log", async () => {
  expect(bodies.length).toBeGreaterThan(20);
  const leaks = bodies.filter((b) => b.includes(KEY) || b.includes(WRONG_KEY));
  expect(leaks, "responses containing a key").toHaveLength(0);
  expect(managerPages.length).toBeGreaterThan(3);
  expect(managerPages.filter((b) => b.includes(`…${KEY.slice(-4)}`) || b.includes(KEY.slice(-4))), "manager pages with a key's last digits").toHaveLength(0);
  const stored = databaseContents();
  expect(stored.includes(ADMIN.email), "the scan sees the stored rows").toBe(true);
  expect(stored.includes(KEY), "a key in clear in the database").toBe(false);
  expect(stored.includes(WRONG_KEY), "a key in clear in the database").toBe(false);
  const log = appLog();
  expect(log.length).toBeGreaterThan(0);
  expect(log.includes(KEY)).toBe(false);
  expect(log.includes(WRONG_KEY)).toBe(false);
});
