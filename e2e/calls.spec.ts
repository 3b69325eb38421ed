import { type Browser, expect, type Page, test } from "@playwright/test";
import { calldogSim, ensureConnection, expectControlTextFits, expectNoPageScroll, expectRecordingPlays, needsSimulators, pageAs, setSimOutcomes, SIM_CONNECTIONS, SIM_URL } from "./support";

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

// lib/i18n/date-formats.ts's DATE_TIME_SECONDS: "Nov 28, 2026, 3:04:05 PM", "28 нояб. 2026 г., 15:04:05".
const EN_DATE_TIME_SECONDS = /^[A-Z][a-z]{2}\s\d{1,2},\s\d{4},\s\d{1,2}:\d{2}:\d{2}\s[AP]M$/;
const RU_DATE_TIME_SECONDS = /^\d{1,2}\s[а-я]{3,4}\.?\s\d{4}\sг\.,\s\d{1,2}:\d{2}:\d{2}$/;

const digits = (text: string) => text.replace(/\D/g, "");

// A Calldog campaign of this run: its numbers share a random prefix (the simulator outlives a run).
const prefix = String(Math.floor(10_000 + Math.random() * 89_999));
const CALLDOG_FINAL = ["finished", "busy", "canceled"];
type CalldogSimCall = { id: number; phone: string; status: string; reason: string | null; recordPath: string | null };

const calldog = (path: string, body: Record<string, unknown>) => calldogSim<CalldogSimCall>(path, body);

/** The common status a Calldog call should show, from the simulator's own status and reason. */
function calldogCommon(call: CalldogSimCall): string {
  if (call.status === "finished") return "answered";
  if (call.status === "busy") return "busy";
  return call.reason === "no_answer" ? "no_answer" : "canceled";
}

/** The CSV download of a page's export link, as rows of cells (no cell of these calls holds a comma or a quote). */
async function exportedRows(page: Page): Promise<string[][]> {
  const href = (await page.getByTestId("export-csv").getAttribute("href")) as string;
  const response = await page.request.get(href, { headers: { "accept-language": "en-US" } });
  expect(response.status()).toBe(200);
  const lines = (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Call id,Provider,Connection,Campaign,Phone,Status,Provider's status,Final,"Duration, s",Dialed \(.+\),Answered \(.+\),Ended \(.+\),IVR answer,IVR action,Recording$/);
  return lines.slice(1).map((line) => line.split(","));
}

test.beforeAll(async ({ browser }) => {
  await ensureConnection(browser, "calldron");
});

test("refresh now syncs the Calldron calls into the table with their common statuses", async ({ browser }) => {
  const page = await managerPage(browser);
  await page.goto("/calls");
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Refresh now" }).click();
  await expect(page.getByTestId("sync-state")).toContainText("Sync finished", { timeout: 90_000 });
  await expect(page.getByTestId("sync-state")).toHaveAttribute("data-busy", "false");
  await expect(page.getByTestId("call-row").first()).toBeVisible();

  // One call of each final outcome of the survey batch, found by its number within the batch.
  const calls = await surveyCalls();
  await page.getByLabel("Campaign").selectOption({ label: `Calldron · ${SURVEY}` });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/campaign=/);
  for (const raw of Object.keys(COMMON)) {
    const call = calls.find((c) => c.status === raw && c.final && calls.filter((o) => o.phone_number === c.phone_number).length === 1);
    if (!call) continue;
    await page.getByLabel("Phone number").fill(call.phone_number);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(call.phone_number).replace("+", "\\+")}`));
    await expect(page.getByTestId("call-row")).toHaveCount(1);
    await expect(page.getByTestId("call-row")).toHaveAttribute("data-status", COMMON[raw] as string);
    await expect(page.getByTestId("call-phone")).toHaveText(/^\+7 /);
  }
  // The last digits find every call whose number ends with them.
  const part = digits(calls[0]?.phone_number ?? "").slice(-4);
  await page.getByLabel("Phone number").fill(part);
  await page.getByRole("button", { name: "Apply" }).click();
  const found = await allRows(page);
  expect(found.length).toBe(calls.filter((c) => c.phone_number.endsWith(part)).length);
  expect(found.every((r) => digits(r.phone).endsWith(part))).toBe(true);

  // The synced batch's own page links to its calls here and to its report as CSV, with every synced call.
  await page.goto("/campaigns");
  await page.getByRole("link", { name: SURVEY }).first().click();
  await expect(page.getByRole("heading", { name: SURVEY, level: 1 })).toBeVisible();
  const report = await page.request.get((await page.getByRole("link", { name: "Calls as CSV" }).getAttribute("href")) as string);
  expect(report.status()).toBe(200);
  expect((await report.text()).trimEnd().split("\r\n")).toHaveLength(1 + calls.length);
  await page.getByRole("link", { name: "Open in Calls" }).click();
  await expect(page).toHaveURL(/\/calls\?campaign=[0-9a-f-]{36}$/);
  await expect(page.getByLabel("Campaign")).toHaveValue(/[0-9a-f-]{36}/);
});

test("a Calldog campaign's calls sit beside Calldron's: common statuses, provider filter, search, a recording, raw data and the CSV", async ({ browser }) => {
  test.setTimeout(180_000);
  await ensureConnection(browser, "calldog");
  const admin = await pageAs(browser, "admin");
  await admin.goto("/campaigns");
  const newCampaign = admin.getByTestId("calldog-campaigns").getByRole("link", { name: /New campaign/ }).first();
  await expect(newCampaign).toHaveAttribute("href", /connection=[0-9a-f-]{36}$/);
  const connectionId = ((await newCampaign.getAttribute("href")) as string).split("connection=")[1] as string;
  await admin.goto("/settings/connections");
  await admin.getByTestId(`connection-row-${SIM_CONNECTIONS.calldog.name}`).getByRole("button", { name: "Webhooks" }).click();
  const webhookUrl = await admin.getByRole("dialog").getByLabel(/Receiver URL/).inputValue();
  await admin.keyboard.press("Escape");

  // Mixed outcomes, short talks: answered calls are recorded, the others busy or unanswered.
  await setSimOutcomes({ answerRate: 0.5, busyRate: 0.25, minTalkSeconds: 5, maxTalkSeconds: 15 });
  const name = `Calls page ${prefix}`;
  let ids: number[] = [];
  try {
    const phones = Array.from({ length: 10 }, (_, i) => `7999${prefix}5${i}`);
    const created = await calldog("apiCalls/create", { phones, outgoingPhone: "74951234567", record: { text: "Все звонки" }, needRecording: 1, webhookUrl });
    ids = created.map((c) => c.id);
    // Stored the way the wizard's launch stores a campaign; the status sync is queued too, webhooks bring the rest.
    const stored = await admin.request.post("/api/e2e/calldog-campaigns", {
      data: { connectionId, name, calls: created.map((c) => ({ providerCallId: String(c.id), phone: `+${c.phone}` })), scheduleSync: true },
    });
    expect(stored.status()).toBe(200);
    await expect
      .poll(async () => (await calldog("apiCalls/get", { apiCallIdList: ids })).every((c) => CALLDOG_FINAL.includes(c.status)), { timeout: 60_000 })
      .toBe(true);
  } finally {
    await setSimOutcomes({ answerRate: 0.6, busyRate: 0.15, minTalkSeconds: 5, maxTalkSeconds: 90 });
    await admin.context().close();
  }
  const truth = await calldog("apiCalls/get", { apiCallIdList: ids });
  expect(truth.some((c) => c.status === "finished")).toBe(true);

  // Provider and campaign filters through the form; the view waits until the webhooks made every call final.
  const page = await managerPage(browser);
  await page.goto("/calls");
  await page.getByLabel("Provider").selectOption("calldog");
  await page.getByLabel("Campaign").selectOption({ label: `Calldog · ${name}` });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/provider=calldog/);
  await expect(page).toHaveURL(/campaign=/);
  const campaignView = page.url();
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.locator("[data-testid=call-row][data-final=true]").count();
      },
      { timeout: 45_000 },
    )
    .toBe(10);
  await expect(page.getByTestId("call-row").first()).toContainText("Calldog");
  await expect(page.getByTestId("call-row").first()).toContainText(name);

  // Each number, searched for, is one row with the common status the simulator's outcome maps to.
  for (const call of truth) {
    await page.getByLabel("Phone number").fill(`+${call.phone}`);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`q=%2B${call.phone}`));
    await expect(page.getByTestId("call-row")).toHaveCount(1);
    await expect(page.getByTestId("call-row")).toHaveAttribute("data-status", calldogCommon(call));
    await expect(page.getByTestId("call-row")).toHaveAttribute("data-final", "true");
  }
  // Filtered to the other provider, a Calldog number finds nothing.
  await page.goto(`/calls?provider=calldron&q=%2B${truth[0]?.phone}`);
  await expect(page.getByTestId("calls-empty")).toBeVisible();
  await page.goto("/calls?provider=calldron");
  await expect(page.getByTestId("call-row").first()).toContainText("Calldron");

  // An answered call's recording plays through /api/recordings/calldog/<our id>; the details show Calldog's raw data.
  const answered = truth.find((c) => c.status === "finished") as CalldogSimCall;
  await page.goto(`/calls?q=%2B${answered.phone}`);
  const row = page.getByTestId("call-row");
  await row.getByRole("button", { name: /Listen/ }).click();
  await expectRecordingPlays(page);
  expect(await page.locator("audio").getAttribute("src")).toBe(`/api/recordings/calldog/${await row.getAttribute("data-id")}`);
  await row.getByRole("button", { name: /^Details/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(name);
  await expect(dialog).toContainText(String(answered.id));
  await expect(dialog.getByTestId("call-raw")).toContainText('"status": "finished"');
  const raw = (await dialog.getByTestId("call-raw").textContent()) as string;
  expect(raw).toContain('"recordPath": "(streamed by the app)"');
  expect(raw).not.toContain(SIM_URL);
  expect(raw).not.toContain(SIM_CONNECTIONS.calldog.key);
  await dialog.getByRole("button", { name: "Close" }).click();

  // The campaign's CSV holds the table's rows, in its order, with the same statuses and campaign.
  await page.goto(campaignView);
  const rows = await allRows(page);
  const exported = await exportedRows(page);
  expect(exported.map((cells) => digits(cells[4] as string))).toEqual(rows.map((r) => digits(r.phone)));
  const label: Record<string, string> = { answered: "Answered", busy: "Busy", no_answer: "No answer", canceled: "Canceled" };
  expect(exported.map((cells) => cells[5])).toEqual(rows.map((r) => label[r.status]));
  const byPhone = new Map(truth.map((c) => [c.phone, c]));
  for (const cells of exported) {
    const call = byPhone.get(digits(cells[4] as string)) as CalldogSimCall;
    expect(cells.slice(1, 4)).toEqual(["calldog", SIM_CONNECTIONS.calldog.name, name]);
    expect(cells[6]).toBe(call.status);
    expect(cells[7]).toBe("yes");
    expect(cells[14]).toBe(call.recordPath ? "yes" : "no");
  }

  // Without a provider filter, one export holds both providers' answered calls.
  await page.goto("/calls?status=answered");
  const providers = new Set((await exportedRows(page)).map((cells) => cells[1]));
  expect(providers).toEqual(new Set(["calldron", "calldog"]));
});

test("filters live in the URL, pages go by keyset, and the CSV export holds exactly the filtered rows", async ({ browser }) => {
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

test("a recording plays inline and the detail panel shows the provider's raw data", async ({ browser }) => {
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

test("the page fits 1280 px in English and Russian; empty filters say so", async ({ browser }) => {
  const page = await managerPage(browser);
  await page.goto("/calls");
  await expect(page.getByTestId("call-row").first()).toBeVisible();
  await expect(page.getByTestId("scroll-hint")).toHaveCount(0);
  await expectNoPageScroll(page, "the Calls page in English");
  await expectControlTextFits(page.getByLabel("Order"), "the sort select");
  await expectControlTextFits(page.getByLabel("Phone number"), "the number's placeholder");
  // A call's time with the month in words and its seconds, never 11/28/26.
  await expect(page.getByTestId("call-at").first()).toHaveText(EN_DATE_TIME_SECONDS);
  // The times are on the user's clock, and the column's head says which.
  await expect(page.getByRole("columnheader", { name: /^When \((UTC|[A-Za-z_]+\/[A-Za-z_/+-]+)\)$/ })).toBeVisible();
  await page.screenshot({ path: "test-results/calls-view-1280-en.png", fullPage: true });
  await page.getByLabel("Language").filter({ visible: true }).selectOption("ru");
  try {
    await expect(page.getByRole("heading", { name: "Звонки", level: 1 })).toBeVisible();
    await expect(page.getByTestId("call-row").first()).toBeVisible();
    await expect(page.getByTestId("scroll-hint")).toHaveCount(0);
    // "Сбросить фильтры" once spilled out of the filter form's last column and widened the page.
    await expectNoPageScroll(page, "the Calls page in Russian");
    // The sort select and the number's placeholder once were cut at 1280 px in Russian.
    await expectControlTextFits(page.getByLabel("Сначала"), "the sort select");
    await expectControlTextFits(page.getByLabel("Номер телефона"), "the number's placeholder");
    await expect(page.getByTestId("call-at").first()).toHaveText(RU_DATE_TIME_SECONDS);
    await expect(page.getByRole("columnheader", { name: /^Когда \((UTC|[A-Za-z_]+\/[A-Za-z_/+-]+)\)$/ })).toBeVisible();
    await page.screenshot({ path: "test-results/calls-view-1280-ru.png", fullPage: true });
  } finally {
    await page.getByLabel("Язык").filter({ visible: true }).selectOption("en");
    await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  }
  await page.goto("/calls?q=000000000");
  await expect(page.getByTestId("calls-empty")).toHaveText("No calls match these filters.");
});
