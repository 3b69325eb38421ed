import { type Browser, expect, type Page, test } from "@playwright/test";
import { CallsPage } from "./pages/calls-page";
import { ensureConnection, pageAs, SIM_CONNECTIONS, SIM_URL , needsSimulators, SIM } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

const DEMO = SIM_CONNECTIONS.calldron;
const SURVEY = "Опрос качества обслуживания"; // a finished demo batch: 260 calls, answered ones recorded
const COMMON: Record<string, string> = { answered: "answered", busy: "busy", no_answer: "no_answer", failed: "failed" };

test.describe.configure({ mode: "serial" });

type SimCall = { id: string; phone_number: string; status: string; final: boolean; record_url: string | null };

async function simGet<T>(path: string): Promise<T> {
  const response = await fetch(`${SIM_URL}/calldron/v1/${path}`, { headers: { authorization: `Basic ${Buffer.from(`${DEMO.key}:`).toString("base64")}` } });
  return (await response.json()) as T;
}

async function surveyCalls(): Promise<SimCall[]> {
  const batches = await simGet<{ id: string; name: string }[]>("batches");
  const id = batches.find((b) => b.name === SURVEY)?.id as string;
  const out: SimCall[] = [];
  for (let page = 1; ; page++) {
    const answer = await simGet<{ next_page: number | null; data: SimCall[] }>(`batches/${id}/calls?page=${page}&per_page=100`);
    out.push(...answer.data);
    if (!answer.next_page) return out;
  }
}

async function managerPage(browser: Browser) {
  const page = await pageAs(browser, "manager");
  await page.setViewportSize({ width: 1280, height: 900 });
  return page;
}

/** Every row of the current filters, following the keyset "Next page" links. */
async function allRows(page: Page): Promise<{ phone: string; status: string }[]> {
  const out: { phone: string; status: string }[] = [];
  for (let guard = 0; guard < 50; guard++) {
    await expect(page.getByTestId("calls-shown")).toBeVisible();
    out.push(
      ...(await page.getByTestId("call-row").evaluateAll((rows) =>
        rows.map((r) => ({ phone: r.querySelector("[data-testid=call-phone]")?.textContent ?? "", status: r.getAttribute("data-status") ?? "" })),
      )),
    );
    const next = page.getByRole("link", { name: "Next page →" });
    if ((await next.count()) === 0) return out;
    const href = (await next.getAttribute("href")) as string;
    expect(href).toContain("after=");
    expect(href).not.toMatch(/offset|page=/);
    const after = new URL(href, "http://x").searchParams.get("after") as string;
    await next.click();
    // Wait for this page's cursor: an earlier page's URL also holds an `after`.
    await page.waitForURL((url) => url.searchParams.get("after") === after);
    await expect(page.getByTestId("calls-shown")).toBeVisible();
  }
  throw new Error("too many pages");
}

const digits = (text: string) => text.replace(/\D/g, "");

test.beforeAll(async ({ browser }) => {
  await ensureConnection(browser, "calldron");
});

test("refresh now syncs the Calldron calls into the table with their common statuses", SIM, async ({ browser }) => {
  const page = await managerPage(browser);
  const callsPage = new CallsPage(page);
  await callsPage.goto();
  await callsPage.refreshNow();
  await expect(callsPage.rows.first()).toBeVisible();

  // One call of each final outcome of the survey batch, found by its number within the batch.
  const calls = await surveyCalls();
  await callsPage.filter({ campaign: `Calldron · ${SURVEY}` });
  await expect(page).toHaveURL(/campaign=/);
  for (const raw of Object.keys(COMMON)) {
    const call = calls.find((c) => c.status === raw && c.final && calls.filter((o) => o.phone_number === c.phone_number).length === 1);
    if (!call) continue;
    await callsPage.filter({ phone: call.phone_number });
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(call.phone_number).replace("+", "\\+")}`));
    await expect(callsPage.rows).toHaveCount(1);
    await expect(callsPage.rows).toHaveAttribute("data-status", COMMON[raw] as string);
    await expect(page.getByTestId("call-phone")).toHaveText(/^\+7 /);
  }
  // The last digits find every call whose number ends with them.
  const part = digits(calls[0]?.phone_number ?? "").slice(-4);
  await callsPage.filter({ phone: part });
  const found = await allRows(page);
  expect(found.length).toBe(calls.filter((c) => c.phone_number.endsWith(part)).length);
  expect(found.every((r) => digits(r.phone).endsWith(part))).toBe(true);
});

test("filters live in the URL, pages go by keyset, and the CSV export holds exactly the filtered rows", SIM, async ({ browser }) => {
  const page = await managerPage(browser);
  const calls = await surveyCalls();
  await page.goto("/calls");
  await page.getByLabel("Campaign").selectOption({ label: `Calldron · ${SURVEY}` });
  await page.getByLabel("Status").selectOption("answered");
  await page.getByLabel("Recording").selectOption("yes");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=answered/);
  await expect(page).toHaveURL(/recording=yes/);
  const shared = page.url();

  const rows = await allRows(page);
  const answered = calls.filter((c) => c.status === "answered" && c.final);
  expect(rows.length).toBe(answered.length);
  expect(rows.every((r) => r.status === "answered")).toBe(true);
  expect(new Set(rows.map((r) => digits(r.phone)))).toEqual(new Set(answered.map((c) => digits(c.phone_number))));

  // The shared URL opens the same view; its export is every matching row, not the page on screen.
  await page.goto(shared);
  const href = (await page.getByTestId("export-csv").getAttribute("href")) as string;
  expect(href).toContain("status=answered");
  // The page's language comes from the browser's Accept-Language, which a request of the test does not send by itself.
  const response = await page.request.get(href, { headers: { "accept-language": "en-US" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="calls-answered-recorded-campaign-\d{4}-\d{2}-\d{2}_\d{4}\.csv"$/);
  const lines = (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toContain("Phone");
  const body = lines.slice(1).map((line) => line.split(","));
  expect(body.length).toBe(rows.length);
  // Same order as the table; numbers start with a neutralised plus.
  expect(body.map((cells) => digits(cells[4] as string))).toEqual(rows.map((r) => digits(r.phone)));
  expect(body.every((cells) => (cells[4] as string).startsWith("'+7"))).toBe(true);
  expect(body.every((cells) => cells[5] === "Answered")).toBe(true);

  const xlsx = await page.request.get((await page.getByTestId("export-xlsx").getAttribute("href")) as string);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");

  // Without a session the export is refused.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(new URL(href, page.url()).toString())).status()).toBe(401);
  await anonymous.close();
});

test("a recording plays inline and the detail panel shows the provider's raw data", SIM, async ({ browser }) => {
  const page = await managerPage(browser);
  const ranged: number[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/api/recordings/calldron/")) ranged.push(r.status());
  });
  await page.goto("/calls?status=answered&recording=yes&provider=calldron");
  const row = page.getByTestId("call-row").first();
  await expect(row).toHaveAttribute("data-status", "answered");
  await row.getByRole("button", { name: /Listen/ }).click();
  const player = page.getByRole("group", { name: /Recording of the call to/ });
  await expect(player).toBeVisible();
  await expect.poll(() => page.locator("audio").evaluate((a: HTMLAudioElement) => a.duration), { timeout: 15_000 }).toBeGreaterThan(0);
  await player.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => page.locator("audio").evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 15_000 }).toBeGreaterThan(0);
  await player.getByRole("button", { name: "Pause" }).click();
  expect(ranged.some((s) => s === 200 || s === 206)).toBe(true);

  await row.getByRole("button", { name: /^Details/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("call-raw")).toContainText('"status": "answered"');
  const raw = (await dialog.getByTestId("call-raw").textContent()) as string;
  expect(raw).not.toContain("record.mp3");
  expect(raw).not.toContain(SIM_URL);
  expect(raw).not.toContain(DEMO.key);
  await page.screenshot({ path: "test-results/calls-view-detail.png" });
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

test("the page fits 1280 px in English and Russian; empty filters say so", SIM, async ({ browser }) => {
  const page = await managerPage(browser);
  await page.goto("/calls");
  await expect(page.getByTestId("call-row").first()).toBeVisible();
  await expect(page.getByTestId("scroll-hint")).toHaveCount(0);
  await page.screenshot({ path: "test-results/calls-view-1280-en.png", fullPage: true });
  await page.getByLabel("Language").filter({ visible: true }).selectOption("ru");
  try {
    await expect(page.getByRole("heading", { name: "Звонки", level: 1 })).toBeVisible();
    await expect(page.getByTestId("call-row").first()).toBeVisible();
    await expect(page.getByTestId("scroll-hint")).toHaveCount(0);
    await page.screenshot({ path: "test-results/calls-view-1280-ru.png", fullPage: true });
  } finally {
    await page.getByLabel("Язык").filter({ visible: true }).selectOption("en");
    await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  }
  await page.goto("/calls?q=000000000");
  await expect(page.getByTestId("calls-empty")).toHaveText("No calls match these filters.");
});
