import { type Browser, expect, type Page, test } from "@playwright/test";
import { ADMIN, AGAINST_DEPLOYMENT, appLog, MANAGER_EMAIL, pageAs, SIM, SIM_NOTICE, STATE_DIR, signIn } from "./support";

test.describe.configure({ mode: "serial" });

// Numbers of this run share a random five-digit prefix, so that a search finds exactly them whatever
// other specs put on the list.
const prefix = `9${String(Math.floor(1000 + Math.random() * 9000))}`;
const number = (i: number) => `+7${prefix}${String(i).padStart(5, "0")}`;
const shown = (i: number) => {
  const d = number(i).slice(2);
  return `+7 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8)}`;
};
const REASON = `asked not to be called ${prefix}`;

async function addNumbers(page: Page, text: string, reason: string) {
  await page.getByLabel("Numbers", { exact: true }).fill(text);
  await page.getByLabel("Reason", { exact: true }).fill(reason);
  await page.getByRole("button", { name: "Add to the list" }).click();
}

async function search(page: Page, text: string) {
  await page.getByLabel("Search by number or reason").fill(text);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, "\\+")}`));
}

test("a manager adds numbers (invalid ones and repeats shown), searches and pages through the list", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/dnc");
  await expect(page.getByRole("heading", { name: "Do-not-call list" })).toBeVisible();

  // The reason is required; what was typed stays.
  await addNumbers(page, `8 (${prefix.slice(0, 3)}) ${prefix.slice(3)}0-00-01`, "");
  await expect(page.getByText("Say why these numbers must not be called.")).toBeVisible();
  await expect(page.getByLabel("Numbers", { exact: true })).toHaveValue(`8 (${prefix.slice(0, 3)}) ${prefix.slice(3)}0-00-01`);

  // 55 numbers in the usual ways of writing them, one written twice, two that are not numbers.
  const lines = Array.from({ length: 55 }, (_, i) => (i % 3 === 0 ? `8${number(i + 1).slice(2)}` : i % 3 === 1 ? number(i + 1) : number(i + 1).slice(2)));
  await addNumbers(page, [...lines, `+7 (${prefix.slice(0, 3)}) ${prefix.slice(3)}0 00 01`, "12345", "not a phone"].join("\n"), REASON);
  await expect(page.getByTestId("dnc-added")).toHaveText("55 numbers added.");
  await expect(page.getByTestId("dnc-duplicates")).toContainText(`Written more than once, added once (1): ${shown(1)}`);
  await expect(page.getByTestId("dnc-invalid")).toContainText("Not valid, not added (2)");
  await expect(page.getByTestId("dnc-invalid")).toContainText("12345, not a phone");
  // The invalid ones are left in the field to correct.
  await expect(page.getByLabel("Numbers", { exact: true })).toHaveValue("12345\nnot a phone");

  // Adding one again says it is already there.
  await addNumbers(page, number(7), "again");
  await expect(page.getByTestId("dnc-added")).toHaveText("No new numbers added.");
  await expect(page.getByTestId("dnc-alreadyListed")).toContainText(`Already on the list (1): ${shown(7)}`);

  // Nothing valid at all is refused in the field.
  await addNumbers(page, "123", "typo");
  await expect(page.getByText("Enter at least one valid phone number.").first()).toBeVisible();

  // Search by the number as people write it (trunk prefix 8), then page through the 55 matches.
  await search(page, `8 ${prefix}`);
  await expect(page.getByText(`55 matches for “8 ${prefix}”`)).toBeVisible();
  const rows = page.getByTestId("dnc-row");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(REASON);
  await expect(rows.first()).toContainText(MANAGER_EMAIL);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(rows).toHaveCount(5);
  await expect(page.getByRole("link", { name: "Older →" })).toHaveCount(0);
  await page.getByRole("link", { name: "← Newer" }).click();
  await expect(rows).toHaveCount(50);
  await expect(page.getByRole("link", { name: "← Newer" })).toHaveCount(0);

  // Search by one number, and by the reason.
  await search(page, shown(12));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(shown(12));
  await search(page, `called ${prefix}`);
  await expect(page.getByText(`55 matches for “called ${prefix}”`)).toBeVisible();
  await search(page, "no such reason at all");
  await expect(page.getByText("No number or reason matches “no such reason at all”.")).toBeVisible();

  // Managers may add but not remove: no button.
  await search(page, prefix);
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await page.context().close();
});

test("a remove action replayed with a manager's session is refused, and the number stays", async ({ browser }) => {
  const admin = await adminPage(browser);
  await admin.goto(`/dnc?q=${number(20).slice(1)}`);
  let captured: { url: string; headers: Record<string, string>; body: string } | undefined;
  await admin.route("**/dnc*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postData() ?? "" };
      await route.abort();
    } else await route.continue();
  });
  await admin.getByTestId("dnc-row").getByRole("button", { name: "Remove" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect.poll(() => captured).toBeDefined();
  await admin.context().close();

  const manager = await pageAs(browser, "manager");
  if (!captured) throw new Error("no action captured");
  const { cookie: _adminCookie, ...headers } = captured.headers;
  const replay = await manager.request.post(captured.url, { headers, data: captured.body });
  const text = await replay.text();
  expect(text).toContain("forbidden");
  expect(text).toContain("You do not have permission to do this.");
  await manager.goto(`/dnc?q=${number(20).slice(1)}`);
  await expect(manager.getByTestId("dnc-row")).toHaveCount(1);
  await manager.context().close();
});

test("an admin removes a number after a confirmation naming it, and the audit log shows it", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto(`/dnc?q=${number(20).slice(1)}`);
  const row = page.getByTestId("dnc-row");
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: "Remove" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Remove ${shown(20)} from the do-not-call list?`);
  // Cancel first: nothing happens.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: "Remove" }).click();
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText(`${shown(20)} was removed from the do-not-call list.`)).toBeVisible();
  await expect(row).toHaveCount(0);

  await page.goto("/settings/audit");
  const entry = page.getByRole("row").filter({ hasText: number(20) }).first();
  await expect(entry).toContainText("Removed from do-not-call list");
  await expect(entry).toContainText(ADMIN.email);
  // The time as the other pages write it, the month in words ("Nov 28, 2026, 3:04:05 PM"), not 11/28/26.
  await expect(entry.getByRole("cell").first()).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2}\s[AP]M$/);
  // The count of numbers in words under the action, not only inside the cut-off details.
  await expect(entry.getByRole("cell", { name: "Removed from do-not-call list 1 number" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Added to do-not-call list" }).first()).toBeVisible();
  await page.context().close();
});

test("the sidebar runs the full height of a long page, and the user's role is shown whole", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/dnc?q=${prefix}`);
  await expect(page.getByTestId("dnc-row")).toHaveCount(50);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(720 * 2);
  // The white column runs the whole page, top to bottom (a full-page view shows no gap under it)…
  const sidebar = page.getByRole("complementary");
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  const column = await sidebar.boundingBox();
  expect(column?.y).toBe(0);
  expect(column?.height ?? 0).toBeGreaterThanOrEqual(pageHeight - 1);
  // …and its menu stays in view wherever the page is scrolled.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(sidebar.getByRole("navigation", { name: "Main menu" })).toBeInViewport();
  await expect(sidebar.getByRole("button", { name: "Sign out" })).toBeInViewport();
  const role = sidebar.getByTestId("current-user-role");
  await expect(role).toHaveText("Administrator");
  expect(await role.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.context().close();
});

test("wide tables scroll with a visible hint; the settings tables fit 1280 px in both languages", async ({ browser }) => {
  // An address is one unbreakable word unless told otherwise: a long one (here a failed sign-in's, sent without
  // the form to keep the test short) once pushed the audit table past 1280 px.
  const longEmail = `konstantin.konstantinopolsky.${prefix}@rostelecom-partner.example`;
  const guest = await browser.newContext();
  const { csrfToken } = await (await guest.request.get("/api/auth/csrf")).json();
  await guest.request.post("/api/auth/callback/credentials", { form: { email: longEmail, password: "wrong-password", csrfToken }, maxRedirects: 0 });
  await guest.close();
  for (const locale of ["en", "ru"]) {
    const context = await browser.newContext({ storageState: `${STATE_DIR}/admin.json`, viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: test.info().project.use.baseURL ?? "http://localhost" }]);
    const page = await context.newPage();
    for (const path of ["/settings/users", "/settings/connections", "/settings/audit", "/dnc"]) {
      await page.goto(path);
      await expect(page.getByRole("table").first()).toBeVisible();
      if (path === "/settings/audit") await expect(page.getByRole("cell", { name: longEmail })).toBeVisible();
      await expect(page.getByTestId("scroll-hint"), `${path} in ${locale} fits`).toHaveCount(0);
      for (const table of await page.getByRole("table").all()) {
        expect(await table.evaluate((el) => el.scrollWidth <= (el.parentElement?.clientWidth ?? 0) + 1), `${path} in ${locale}`).toBe(true);
      }
    }
    await context.close();
  }

  const page = await adminPage(browser);
  await page.setViewportSize({ width: 480, height: 800 });
  await page.goto(`/dnc?q=${prefix}`);
  const hint = page.getByTestId("scroll-hint");
  await expect(hint).toBeVisible();
  await expect(hint).toHaveText("Scroll sideways →");
  const region = page.getByRole("region", { name: "Numbers on the list: scrolls sideways" });
  // The number, the row's main part, is in the first column and in view before scrolling.
  const [area, cell] = await Promise.all([region.boundingBox(), page.getByTestId("dnc-row").first().getByRole("cell").first().boundingBox()]);
  expect(cell && area && cell.x >= area.x && cell.x + cell.width <= area.x + area.width).toBe(true);
  expect(await region.evaluate((el) => el.scrollLeft)).toBe(0);
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(hint).toBeHidden();
  await page.context().close();
});

test("a wrong password is refused without a stack trace in the app's log", SIM, async ({ page }) => {
  test.skip(AGAINST_DEPLOYMENT, SIM_NOTICE);
  const before = appLog().length;
  await signIn(page, ADMIN.email, "definitely-wrong");
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
  // The log is written by another process: give it a moment to arrive.
  await page.waitForTimeout(500);
  const written = appLog().slice(before);
  expect(written).not.toContain("CredentialsSignin");
  expect(written).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
});

test("after a language switch, an error already on the page follows the new language", async ({ page }) => {
  await signIn(page, ADMIN.email, "definitely-wrong");
  await expect(page.getByText("Wrong e-mail or password.")).toBeVisible();
  await page.getByLabel("Language").selectOption("ru");
  await expect(page.getByText("Неверная эл. почта или пароль.")).toBeVisible();
  await expect(page.getByText("Wrong e-mail or password.")).toHaveCount(0);
  await expect(page.getByLabel("Эл. почта")).toHaveValue(ADMIN.email);
});

test("the app has a favicon and an app icon, served before sign-in", async ({ browser, request }) => {
  for (const [path, type] of [
    ["/favicon.ico", /image\/(x-icon|vnd\.microsoft\.icon)/],
    ["/icon.svg", /image\/svg\+xml/],
    ["/apple-touch-icon.png", /image\/png/],
    ["/icon-192.png", /image\/png/],
    ["/manifest.webmanifest", /manifest\+json|json/],
  ] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(type);
  }
  const page = await pageAs(browser, "manager");
  await page.goto("/audio");
  expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
  expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute("href")).toBe("/apple-touch-icon.png");
  await page.context().close();
});

async function adminPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: `${STATE_DIR}/admin.json` })).newPage();
}
