import ExcelJS from "exceljs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { encode1251 } from "../lib/imports/test-files";
import { ListsPage } from "./pages/lists-page";
import { dropFiles, ensureConnection, pageAs , needsSimulators, SIM } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

test.describe.configure({ mode: "serial" });

// Numbers of this run share a random prefix, so nothing another spec or run put anywhere interferes.
const prefix = `9${String(Math.floor(10 + Math.random() * 90))}`;
const spread = String(Math.floor(Math.random() * 10));
const local = (i: number) => `8 (${prefix}) ${spread}${String(i).padStart(2, "0")}-00-01`;
const e164 = (i: number) => `+7${prefix}${spread}${String(i).padStart(2, "0")}0001`;
const LIST = `Импорт ${prefix}`;

/** A Russian Excel export: Windows-1251, `;`, `8 (9xx)` numbers, a bad number, a repeat, a formula and markup. */
const CSV = [
  "ФИО;Телефон;Код;Почта",
  `Иванов Иван;${local(1)};${prefix}-1;ivan@example.ru`,
  `Петрова Анна;${local(2)};${prefix}-2;`,
  `Сидоров;12345;${prefix}-3;`,
  `Иванов дубль;${e164(1)};${prefix}-4;`,
  `=HYPERLINK("http://evil.example/","click");${local(3)};${prefix}-5;`,
  `<script>alert(1)</script>;${local(4)};${prefix}-6;`,
].join("\r\n");
const csvFile = (name = "export.csv") => ({ name, mimeType: "text/csv", buffer: Buffer.from(encode1251(CSV)) });

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, target?: string) {
  await page.goto(`/imports/new${target ? `?target=${target}` : ""}`);
  await page.getByLabel("File (CSV or XLSX)").setInputFiles(file);
  await page.getByRole("button", { name: "Upload and preview" }).click();
}

async function checkAndStart(page: Page, expected: string[]) {
  await page.getByRole("button", { name: "Check the file" }).click();
  const check = page.getByTestId("import-check");
  for (const text of expected) await expect(check).toContainText(text);
  await page.getByRole("button", { name: "Start the import" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
}

async function expectCounts(page: Page, counts: Record<string, number>) {
  await expect(page.getByTestId("task-progress")).toContainText("Done", { timeout: 30_000 });
  for (const [outcome, n] of Object.entries(counts)) await expect(page.getByTestId(`report-count-${outcome}`)).toHaveText(String(n), { timeout: 10_000 });
}

async function createCalldronList(page: Page) {
  await new ListsPage(page).createCalldronList("Calldron main", LIST);
}

async function manager(browser: Browser) {
  return pageAs(browser, "manager");
}

test.beforeAll(async ({ browser }) => {
  await ensureConnection(browser, "calldron");
  await ensureConnection(browser, "obzvonilka");
});

test("a Windows-1251 `;` CSV into a Calldron list: the exact report, and again adds nothing twice", SIM, async ({ browser }) => {
  const page = await manager(browser);
  await createCalldronList(page);
  for (const round of [1, 2]) {
    await upload(page, csvFile(), "calldron");
    await expect(page.getByTestId("upload-summary")).toContainText("windows-1251");
    await expect(page.getByTestId("upload-summary")).toContainText("«;»");
    // The markup is shown as text in the preview.
    await expect(page.getByRole("cell", { name: "<script>alert(1)</script>" })).toBeVisible();
    if (round === 2) await expect(page.getByText("The columns are mapped as in your last import")).toBeVisible();
    await expect(page.getByLabel("Use column «Телефон» as")).toHaveValue("phone");
    await page.getByLabel("Calldron list").selectOption({ label: `Calldron main: ${LIST}` });
    await checkAndStart(page, ["6 rows", "4 to import", "1 invalid", "1 repeated", "Row 4: «12345» — not a valid phone number"]);
    if (round === 1) await expectCounts(page, { added: 4, already: 0, invalid: 1, duplicate: 1, dnc: 0, failed: 0 });
    else await expectCounts(page, { added: 0, already: 4, invalid: 1, duplicate: 1, dnc: 0, failed: 0 });
  }
  await expect(page.getByRole("cell", { name: "<script>alert(1)</script>" })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the report (CSV)" }).click()]);
  const report = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(report).toContain(`"'=HYPERLINK(""http://evil.example/"",""click"")"`);
  expect(report).not.toMatch(/(^|,)=HYPERLINK/m);
  expect(report).toContain("<script>alert(1)</script>");
  expect(report).toContain("not a valid phone number");
});

test("the same CSV into an Obzvonilka base: contacts added, then updated by external code", SIM, async ({ browser }) => {
  const page = await manager(browser);
  for (const round of [1, 2]) {
    await upload(page, csvFile(), "obzvonilka");
    await page.getByLabel("Obzvonilka base").selectOption({ index: 1 });
    const base = (await page.getByLabel("Obzvonilka base").locator("option:checked").textContent()) ?? "";
    await checkAndStart(page, ["6 rows", "1 invalid"]);
    // The import is titled with the base's name, not its id («Obzvonilka main: #1»).
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`→ ${base}`);
    expect(base).not.toContain("#");
    // A row is one contact: the repeated number has its own external code, so it is its own contact.
    if (round === 1) await expectCounts(page, { added: 5, updated: 0, invalid: 1, failed: 0 });
    else await expectCounts(page, { added: 0, updated: 5, invalid: 1, failed: 0 });
  }
});

test("an XLSX into a kept list; a number on the do-not-call list is held back with the reason", SIM, async ({ browser }) => {
  const page = await manager(browser);
  await page.goto("/dnc");
  await page.getByLabel("Numbers", { exact: true }).fill(e164(12));
  await page.getByLabel("Reason", { exact: true }).fill(`import test ${prefix}`);
  await page.getByRole("button", { name: "Add to the list" }).click();
  await expect(page.getByRole("status").filter({ hasText: /added/i }).first()).toBeVisible();

  await page.goto("/lists/app");
  await page.getByLabel("Name").fill(`Kept ${prefix}`);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: `Kept ${prefix}` })).toBeVisible();

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Contacts");
  sheet.addRow(["Name", "Phone"]);
  for (let i = 10; i < 15; i++) sheet.addRow([`Contact ${i}`, local(i)]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await upload(page, { name: "contacts.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer }, "app");
  await expect(page.getByTestId("upload-summary")).toContainText("XLSX");
  await page.getByLabel("Kept contact list").selectOption({ label: `Kept ${prefix}` });
  await checkAndStart(page, ["5 rows", "4 to import", "1 held back (do-not-call)"]);
  await expectCounts(page, { added: 4, dnc: 1 });
  await page.getByRole("link", { name: /Held back/ }).click();
  await expect(page.getByTestId("import-row")).toHaveCount(1);
  await expect(page.getByTestId("import-row")).toContainText("on the do-not-call list");

  await page.goto("/lists/app");
  await page.getByRole("link", { name: `Kept ${prefix}` }).click();
  await expect(page.getByTestId("kept-entry")).toHaveCount(4);
});

test("bad files are refused with a clear reason", SIM, async ({ browser }) => {
  const page = await manager(browser);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  const cases: [{ name: string; mimeType: string; buffer: Buffer }, string][] = [
    [{ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) }, "The file is empty."],
    [{ name: "picture.csv", mimeType: "text/csv", buffer: png }, "the file holds binary data"],
    [{ name: "data.bin", mimeType: "application/octet-stream", buffer: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256)) }, "the file holds binary data"],
    [{ name: "long.csv", mimeType: "text/csv", buffer: Buffer.concat([Buffer.from("Phone;Name\n89991234567;"), Buffer.alloc(10 * 1024 * 1024, 0x41)]) }, "longer than 1 MB"],
  ];
  for (const [file, message] of cases) {
    await upload(page, file);
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
  }
});

test("the file picker speaks the app's language, shows the chosen file, and takes a dropped one", async ({ browser }) => {
  const page = await manager(browser);
  // The browser is in English, the app in Russian: the picker follows the app, as the browser's own input would not.
  await page.goto("/imports/new");
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "ru", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("button", { name: "Выбрать файл" })).toBeVisible();
  await expect(page.getByTestId("import-drop-zone")).toContainText("или перетащите сюда файл CSV или XLSX");
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.reload();

  // The button opens the file chooser; the chosen file is named, with its size, and the button offers another.
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Choose a file" }).click();
  await (await chooser).setFiles(csvFile("chosen.csv"));
  await expect(page.getByTestId("import-chosen-file")).toHaveText("chosen.csv · 1 KB");
  await expect(page.getByRole("button", { name: "Choose another file" })).toBeVisible();

  // A file dropped on the zone replaces it; two dropped at once are refused and the one chosen stays.
  const zone = page.getByTestId("import-drop-zone");
  await dropFiles(page, zone, [{ name: "dropped.csv", type: "text/csv", text: "Name,Phone\nAnna,+79990001122\n" }]);
  await expect(page.getByTestId("import-chosen-file")).toHaveText("dropped.csv · 1 KB");
  await dropFiles(page, zone, [
    { name: "one.csv", type: "text/csv", text: "Phone\n+79990001122\n" },
    { name: "two.csv", type: "text/csv", text: "Phone\n+79990001133\n" },
  ]);
  await expect(page.getByRole("alert").filter({ hasText: "Choose one file at a time." })).toBeVisible();
  await expect(page.getByTestId("import-chosen-file")).toHaveText("dropped.csv · 1 KB");

  // The dropped file is the one uploaded.
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByTestId("upload-summary")).toContainText("dropped.csv: CSV");
  await expect(page.getByTestId("upload-summary")).toContainText("1 row.");
  await page.context().close();
});

test("the do-not-call list downloads as CSV", SIM, async ({ browser }) => {
  const page = await manager(browser);
  await page.goto("/dnc");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the list (CSV)" }).click()]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(text).toContain("phone,reason,source");
  expect(text).toContain(`'${e164(12)}`);
});
