import { type Browser, expect, type Page, test } from "@playwright/test";
import { ensureConnection, pageAs, SIM_CONNECTIONS, SIM_URL, simRequestLog , needsSimulators, SIM } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

// The Obzvonilka workspace on the simulator, as a manager: bases, a base's contacts (search, sort, the lookup by
// external code), a contact's form (edit sends only the changed field, create, validation), users, a 50,000-contact
// base, and faults shown as messages.

const BASE = "Клиенты Москва 2026";
const BULK_BASE = "Нагрузочная база (тест)";
const BULK_SIZE = 50_000;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  await ensureConnection(browser, "obzvonilka");
});

test.afterAll(async () => {
  await fetch(`${SIM_URL}/_sim/faults/obzvonilka`, { method: "DELETE" });
});

/** The simulator's own answer, read with the demo key, to pick test data without guessing. */
async function simContacts(baseId: number): Promise<{ id: number; name: string | null; external_code: string | null }[]> {
  const url = `${SIM_URL}/obzvonilka/api/contact_bases/${baseId}/contacts.json?api_key=${SIM_CONNECTIONS.obzvonilka.key}`;
  return (await fetch(url)).json();
}

async function openBase(browser: Browser, name: string): Promise<Page> {
  const page = await pageAs(browser, "manager");
  await page.goto("/lists");
  const section = page.locator("section").filter({ hasText: "Obzvonilka main" });
  await section.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page;
}

const writes = async () => (await simRequestLog("obzvonilka")).filter((e) => e.method === "POST" || e.method === "PATCH");

test("the bases list shows name, remark, state and select-from-last; the users page shows enabled and admin", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/lists");
  const section = page.locator("section").filter({ hasText: "Obzvonilka main" });
  const table = section.getByRole("table", { name: "Obzvonilka contact bases" });
  await expect(table.getByRole("row").filter({ hasText: BASE })).toContainText("Основная база, выгрузка из 1С");
  await expect(table.getByRole("row").filter({ hasText: "Старая база 2024" })).toContainText("In the bin");
  await expect(table.getByRole("row").filter({ hasText: "Должники: повторный обзвон" })).toContainText("Yes");

  await section.getByRole("link", { name: "Users of this organisation" }).click();
  const users = page.getByRole("table", { name: "Obzvonilka users" });
  await expect(users.getByRole("row").filter({ hasText: "Соколова Марина Викторовна" })).toContainText("Administrator");
  await expect(users.getByRole("row").filter({ hasText: "Зайцев Денис Олегович" })).toContainText("Disabled");
  await expect(users.getByRole("row")).toHaveCount(8);
});

test("a base's contacts: search, sort, find by external code, open a contact and edit one field", SIM, async ({ browser }) => {
  const page = await openBase(browser, BASE);
  const count = page.getByTestId("contacts-count");
  await expect(count).toContainText(/Showing [\d,]+ of [\d,]+/, { timeout: 20_000 });

  const contacts = await simContacts(1);
  const sample = contacts.find((c) => c.external_code && c.name);
  if (!sample?.external_code || !sample.name) throw new Error("the demo base has no contact with a code and a name");
  await page.getByLabel("Search contacts").fill(sample.external_code);
  await expect(count).toHaveText(`Showing 1 of ${contacts.length.toLocaleString("en-US")}`);
  await expect(page.getByTestId("contact-row")).toHaveCount(1);
  await expect(page.getByTestId("contact-row")).toContainText(sample.name);

  // Sorting by name, both ways, over a search that leaves several rows.
  await page.getByLabel("Search contacts").fill("ова ");
  const names = () => page.getByTestId("contact-row").locator("td:first-child").allInnerTexts();
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(page.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "ascending");
  const ascending = await names();
  expect(ascending.length).toBeGreaterThan(2);
  expect(ascending).toEqual([...ascending].sort(new Intl.Collator("en-US").compare));
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(page.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "descending");
  expect((await names())[0]).not.toBe(ascending[0]);

  // The API's own lookup.
  await page.getByRole("textbox", { name: "External code", exact: true }).fill("NO-SUCH-CODE");
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await expect(page.getByText("No contact in this base has the code «NO-SUCH-CODE».")).toBeVisible();
  await page.getByRole("textbox", { name: "External code", exact: true }).fill(sample.external_code);
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${sample.id}$`));
  expect((await simRequestLog("obzvonilka")).some((e) => e.path.includes("/find_by_external/"))).toBe(true);

  // Edit one field: only it is sent.
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(sample.name);
  const before = (await writes()).length;
  const address = `г. Тверь, ул. Тестовая, д. ${Date.now() % 1000}`;
  await page.getByLabel("Address").fill(address);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved: 1 field changed.")).toBeVisible();
  const sent = (await writes()).slice(before);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ method: "PATCH", path: `/contact_bases/1/contacts/${sample.id}.json`, status: 200 });
  expect(sent[0]?.bodyShape).toEqual({ "contact[address_string]": "string" });
  await page.reload();
  await expect(page.getByLabel("Address")).toHaveValue(address);
});

test("create a contact with two phones; an invalid e-mail is refused in place with nothing sent", SIM, async ({ browser }) => {
  const page = await openBase(browser, BASE);
  await page.getByRole("link", { name: "New contact" }).click();
  await expect(page.getByRole("heading", { name: "New contact" })).toBeVisible();
  const code = `E2E-${Date.now()}`;
  await page.getByLabel("Name", { exact: true }).fill("Тестова Анна <script>alert(1)</script>");
  await page.getByRole("textbox", { name: "External code", exact: true }).fill(code);
  await page.getByLabel("E-mail").fill("anna@");
  await page.getByLabel("Phone 1", { exact: true }).fill("8 (916) 111-22-33");
  await page.getByRole("button", { name: "Add a phone" }).click();
  await page.getByLabel("Phone 2", { exact: true }).fill("+7 495 765 43 21");
  await page.getByLabel("Remark for phone 2").fill("рабочий");

  const before = (await writes()).length;
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByText("Enter a valid e-mail address, such as name@example.ru.")).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
  expect((await writes()).length).toBe(before);

  await page.getByLabel("E-mail").fill("anna@example.ru");
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByText("The contact was created.")).toBeVisible();
  const sent = (await writes()).slice(before);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ method: "POST", path: "/contact_bases/1/contacts.json", status: 200 });
  // Phones come back as the app sent them: E.164.
  await expect(page.getByLabel("Phone 1", { exact: true })).toHaveValue("+79161112233");
  await expect(page.getByLabel("Phone 2", { exact: true })).toHaveValue("+74957654321");
  await expect(page.getByLabel("Remark for phone 2")).toHaveValue("рабочий");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Тестова Анна <script>alert(1)</script>");

  // The base's table, read from the cache, was refreshed with the new contact.
  await page.getByRole("link", { name: "Back to the base" }).click();
  await page.getByLabel("Search contacts").fill(code);
  await expect(page.getByTestId("contact-row")).toHaveCount(1, { timeout: 20_000 });
});

test(`${BULK_SIZE.toLocaleString("en-US")} contacts: the table filters fast and keeps only a window of rows in the page`, SIM, async ({ browser }) => {
  test.setTimeout(180_000);
  const seeded = await fetch(`${SIM_URL}/_sim/obzvonilka/bulk-base`, { method: "POST", body: JSON.stringify({ contacts: BULK_SIZE }) });
  expect(seeded.status).toBe(200);
  const page = await openBase(browser, BULK_BASE);
  const count = page.getByTestId("contacts-count");
  await expect(count).toHaveText(`Showing 50,000 of 50,000`, { timeout: 60_000 });
  const rowsInDom = await page.getByTestId("contact-row").count();
  expect(rowsInDom).toBeGreaterThan(5);
  expect(rowsInDom).toBeLessThan(100);

  // Scrolling to the end renders the last rows, still only a window of them.
  await page.getByTestId("contacts-scroll").evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByTestId("contact-row").last()).toHaveAttribute("aria-rowindex", String(BULK_SIZE + 1));
  expect(await page.getByTestId("contact-row").count()).toBeLessThan(100);

  const search = page.getByLabel("Search contacts");
  const timings: number[] = [];
  for (const query of ["BULK-0421", "Иванова", "@mail.ru"]) {
    const started = Date.now();
    await search.fill(query);
    await expect(count).not.toHaveText("Showing 50,000 of 50,000");
    await expect(page.getByTestId("contact-row").first()).toContainText(query === "BULK-0421" ? "BULK-0421" : query === "Иванова" ? "Иванова" : "@mail.ru");
    timings.push(Date.now() - started);
    await search.fill("");
    await expect(count).toHaveText("Showing 50,000 of 50,000");
  }
  console.info(`[obzvonilka] filter 50,000 contacts: ${timings.map((ms) => `${ms} ms`).join(", ")} (typing to filtered rows shown)`);
  for (const ms of timings) expect(ms).toBeLessThan(2_000);
  expect(await page.getByTestId("contact-row").count()).toBeLessThan(100);
});

test("faults: a 500 or a hang while reading contacts shows a message and a retry, never an error page", SIM, async ({ browser }) => {
  test.setTimeout(180_000);
  const faults = (settings: Record<string, unknown> | null) =>
    fetch(`${SIM_URL}/_sim/faults/obzvonilka`, settings ? { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(settings) } : { method: "DELETE" });
  const listing = "^GET /contact_bases/\\d+/contacts\\.json$";
  await faults({ errorRate: 1, errorStatuses: [500], match: listing });
  const page = await openBase(browser, "Вебинар ноябрь: регистрации");
  await expect(page.getByRole("alert").filter({ hasText: "Could not read" })).toContainText("Provider error", { timeout: 30_000 });

  await faults({ errorRate: 0, hangRate: 1, match: listing });
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not read" })).toContainText("Timed out", { timeout: 60_000 });

  await faults(null);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("contacts-count")).toContainText("Showing", { timeout: 20_000 });

  // The base itself failing: the page says so in words.
  await faults({ errorRate: 1, errorStatuses: [500], match: "^GET /contact_bases/\\d+\\.json$" });
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "Could not read" })).toContainText("Provider error", { timeout: 30_000 });
  await faults(null);
});
