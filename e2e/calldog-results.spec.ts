import { type Browser, expect, type Page, test } from "@playwright/test";
import { calldogSim, ensureConnection, expectRecordingPlays, needsSimulators, pageAs, setSimOutcomes, SIM, SIM_CONNECTIONS, SIM_URL } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
const CALLER = "74951234567";
// This run's numbers share a random prefix: the simulator's blacklist and the do-not-call list outlive a campaign.
const prefix = String(Math.floor(10_000 + Math.random() * 89_999));
const phones = (group: number, n: number) => Array.from({ length: n }, (_, i) => `7999${prefix}${group}${i}`);
const FINAL = ["finished", "busy", "canceled"];

test.describe.configure({ mode: "serial" });

type SimCall = { id: number; phone: string; status: string; ivrAnswer: number | string | null; blacklisted?: boolean };

const calldog = (path: string, body: Record<string, unknown>) => calldogSim<SimCall>(path, body);
const outcomes = setSimOutcomes;
const DEFAULT_OUTCOMES = { answerRate: 0.6, busyRate: 0.15, minTalkSeconds: 5, maxTalkSeconds: 90 };

/** Calls on the simulator, every one answered (the callee then picks one of the menu's keys); waits until all are final. */
async function createAnsweredCalls(input: Record<string, unknown>): Promise<SimCall[]> {
  // Outcomes are decided as each call is answered: the defaults come back after the test (afterEach).
  await outcomes({ answerRate: 1, busyRate: 0, minTalkSeconds: 20, maxTalkSeconds: 40 });
  const created = await calldog("apiCalls/create", { outgoingPhone: CALLER, record: { text: "Результаты кампании" }, needRecording: 1, ...input });
  expect(created.every((c) => c.id > 0)).toBe(true);
  return created;
}

test.afterEach(async () => {
  await outcomes(DEFAULT_OUTCOMES);
});

async function simFinal(ids: number[]): Promise<SimCall[]> {
  let calls: SimCall[] = [];
  await expect
    .poll(
      async () => {
        calls = await calldog("apiCalls/get", { apiCallIdList: ids });
        return calls.every((c) => FINAL.includes(c.status));
      },
      { timeout: 45_000 },
    )
    .toBe(true);
  return calls;
}

/** The connection's id, from the Campaigns page's "New campaign" link (which opens the wizard on it). */
async function calldogConnectionId(page: Page): Promise<string> {
  await page.goto("/campaigns");
  const link = page.getByTestId("calldog-campaigns").getByRole("link", { name: /New campaign/ }).first();
  await expect(link).toHaveAttribute("href", /\/campaigns\/calldog\/new\?connection=[0-9a-f-]{36}$/);
  return ((await link.getAttribute("href")) as string).split("connection=")[1] as string;
}

async function receiverUrl(page: Page): Promise<string> {
  await page.goto("/settings/connections");
  await page.getByTestId(`connection-row-${SIM_CONNECTIONS.calldog.name}`).getByRole("button", { name: "Webhooks" }).click();
  const field = page.getByRole("dialog").getByLabel(/Receiver URL/);
  await expect(field).toHaveValue(/\/api\/webhooks\/calldog\/[A-Za-z0-9_-]{43}$/);
  const url = await field.inputValue();
  await page.keyboard.press("Escape");
  return url;
}

/** Stores the campaign the way the wizard's launch does (the e2e fixture route), and returns its id. */
async function storeCampaign(page: Page, input: { connectionId: string; name: string; settings: Record<string, unknown>; calls: SimCall[]; scheduleSync?: boolean }) {
  const response = await page.request.post("/api/e2e/calldog-campaigns", {
    data: { ...input, calls: input.calls.map((c) => ({ providerCallId: String(c.id), phone: `+${c.phone}` })) },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

const handler = (digit: string, actions: Record<string, unknown> = {}) => ({
  digit,
  play: null,
  transfer: null,
  sms: null,
  blacklist: false,
  webhook: null,
  keyWords: null,
  ...actions,
});

async function figure(page: Page, testId: string) {
  return page.getByTestId(`${testId}-value`).textContent();
}

let campaignUrl = "";

test("statuses arrive by webhook: live counters, IVR answers per key with the action, filters, a recording plays", SIM, async ({ browser }) => {
  await ensureConnection(browser, "calldog");
  const page = await pageAs(browser, "admin");
  const connectionId = await calldogConnectionId(page);
  const webhookUrl = await receiverUrl(page);
  const menu = {
    handlers: [
      handler("1", { transfer: { phone: "+74950000001" } }),
      handler("2", { blacklist: true, sms: { text: "Вы отписаны" } }),
      handler("3", { webhook: { url: webhookUrl, parameters: [{ key: "source", value: "e2e" }] } }),
      handler(""),
    ],
  };
  const created = await createAnsweredCalls({
    phones: phones(1, 8),
    webhookUrl,
    ivrs: [
      { digit: 1, managerPhone: "74950000001" },
      { digit: 2, needBlock: 1, smsText: "Вы отписаны" },
      { digit: 3, webhookUrl, webhookParameters: JSON.stringify({ source: "e2e" }) },
      { digit: null },
    ],
  });
  const name = `Webhook results ${prefix}`;
  const id = await storeCampaign(page, { connectionId, name, settings: { menu, message: { text: "Результаты кампании" }, callerId: `+${CALLER}`, record: true }, calls: created });
  campaignUrl = `/campaigns/calldog/${id}`;

  await page.goto(campaignUrl);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText(`Connection: ${SIM_CONNECTIONS.calldog.name}`)).toBeVisible();
  await expect(page.getByTestId("ivr-menu-tree")).toContainText("Add the number to the blacklist");
  await expect(page.getByTestId("campaign-facts")).toContainText("+7 495 123 45 67");
  await expect(page.getByTestId("campaign-facts")).toContainText("Text to speech: “Результаты кампании”");
  // Launched and created on the user's clock, the zone named (the planned start beside them is on the campaign's).
  const namedZone = /^[A-Z][a-z]{2}\s\d{1,2},\s\d{4},\s\d{1,2}:\d{2}\s[AP]M \((UTC|[A-Za-z_]+\/[A-Za-z_/+-]+)\)$/;
  await expect(page.getByTestId("campaign-launched")).toHaveText(namedZone);
  await expect(page.getByTestId("campaign-created")).toHaveText(namedZone);
  const truth = await simFinal(created.map((c) => c.id));

  // The page polls while calls are live, and stops once every call is final.
  await expect.poll(() => figure(page, "counter-final"), { timeout: 45_000 }).toBe("8");
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-live", "false");
  expect(await figure(page, "counter-answered")).toBe("8");
  expect(await figure(page, "answer-rate")).toBe("100%");
  expect(await figure(page, "average-duration")).toMatch(/^\d+(\.\d)? s$/);
  await page.screenshot({ path: test.info().outputPath("campaign-results-en.png"), fullPage: true });

  // IVR answers per key, as the simulator's callees pressed them, each with its action's label.
  const pressed = (answer: string) => truth.filter((c) => String(c.ivrAnswer) === answer).length;
  const ivr = page.getByTestId("ivr-answers");
  const count = (label: string) => ivr.getByRole("row", { name: new RegExp(`^${label}`) }).getByTestId("ivr-answer-count").textContent();
  await expect.poll(() => count("Key 1")).toBe(String(pressed("1")));
  expect(await count("Key 2")).toBe(String(pressed("2")));
  expect(await count("Key 3")).toBe(String(pressed("3")));
  expect(await count("No key")).toBe(String(pressed("-1")));
  await expect(ivr.getByRole("row", { name: /^Key 1/ })).toContainText("Transfer to +7 495 000 00 01");
  await expect(ivr.getByRole("row", { name: /^Key 2/ })).toContainText("Add the number to the blacklist");
  await expect(ivr.getByRole("row", { name: /^No key/ })).toContainText("Stay on the line");

  // Filters: by IVR answer (the most pressed key), by status, and both at once.
  const top = ["1", "2", "3"].sort((a, b) => pressed(b) - pressed(a))[0] as string;
  const calls = page.getByTestId("campaign-calls");
  await calls.getByLabel("IVR answer").selectOption(top);
  await expect(calls.getByTestId("calls-count")).toHaveText(`${pressed(top)} of 8 calls`);
  await expect(calls.getByTestId("call-ivr").first()).toContainText(`Key ${top}`);
  await calls.getByLabel("Status").selectOption("busy");
  await expect(calls.getByText("No call matches these filters.")).toBeVisible();
  await calls.getByRole("button", { name: "Clear the filters" }).click();
  await expect(calls.getByTestId("calls-count")).toHaveText("8 of 8 calls");
  await calls.getByLabel("Status").selectOption("answered");
  await expect(calls.getByTestId("call-row")).toHaveCount(8);
  // The calls' times in the user's zone, named in the column's head; dialled with the month in words and seconds.
  await expect(calls.getByRole("columnheader", { name: /^Times \((UTC|[A-Za-z_]+\/[A-Za-z_/+-]+)\)$/ })).toBeVisible();
  await expect(page.getByTestId("live-state")).toContainText(/Updated \d{1,2}:\d{2}:\d{2}\s[AP]M \((UTC|[A-Za-z_]+\/[A-Za-z_/+-]+)\)/);
  await expect(calls.getByTestId("call-times").first()).toContainText(/^[A-Z][a-z]{2}\s\d{1,2},\s\d{4},\s\d{1,2}:\d{2}:\d{2}\s[AP]M/);

  // A recording plays through the app's route: a duration, a seek, and a 206.
  const partial: { status: number; contentRange?: string }[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/api/recordings/calldog/")) partial.push({ status: r.status(), contentRange: r.headers()["content-range"] });
  });
  await calls.getByTestId("call-row").first().getByRole("button", { name: /Listen/ }).click();
  await expectRecordingPlays(page);
  await page.screenshot({ path: test.info().outputPath("campaign-recording-en.png"), fullPage: true });
  const src = (await page.locator("audio").getAttribute("src")) as string;
  expect(src).toMatch(/^\/api\/recordings\/calldog\/[0-9a-f-]{36}$/);
  const ranged = await page.request.get(src, { headers: { range: "bytes=0-99" } });
  expect(ranged.status()).toBe(206);
  expect(ranged.headers()["content-range"]).toMatch(/^bytes 0-99\/\d+$/);
  expect((await ranged.body()).length).toBe(100);
  expect(JSON.stringify(ranged.headers())).not.toContain(SIM_URL);
  expect(JSON.stringify(ranged.headers())).not.toContain(SIM_CONNECTIONS.calldog.key);
  expect(partial.some((p) => p.status === 206 && /^bytes \d+-\d+\/\d+$/.test(p.contentRange ?? ""))).toBe(true);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`http://localhost:${APP_PORT}${src}`)).status()).toBe(401);
  await anonymous.close();

  // The Campaigns page lists it with its counts, linking here.
  await page.goto("/campaigns");
  const row = page.getByTestId("calldog-campaign-row").filter({ hasText: name });
  await expect(row).toContainText("Launched");
  await expect(row.getByRole("cell").nth(2)).toHaveText("8");
  await expect(row.getByRole("cell").nth(3)).toHaveText("8");
  await row.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`${campaignUrl}$`));
});

test("with the receiver unreachable, statuses arrive by the status sync (refresh now)", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  const admin = await pageAs(browser, "admin");
  const connectionId = await calldogConnectionId(admin);
  // A wrong token: the receiver answers 404 to every delivery, so nothing arrives by webhook.
  const deadUrl = `http://127.0.0.1:${APP_PORT}/api/webhooks/calldog/${"x".repeat(43)}`;
  const created = await createAnsweredCalls({ phones: phones(2, 4), webhookUrl: deadUrl, ivrs: [{ digit: 1, managerPhone: "74950000001" }, { digit: null }] });
  const menu = { handlers: [handler("1", { transfer: { phone: "+74950000001" } }), handler("")] };
  const id = await storeCampaign(admin, { connectionId, name: `Sync results ${prefix}`, settings: { menu, callerId: null, record: true }, calls: created });
  await admin.context().close();

  await page.goto(`/campaigns/calldog/${id}`);
  await expect(page.getByTestId("campaign-facts")).toContainText("A random duty number");
  await expect(page.getByTestId("counter-total-value")).toHaveText("4");
  const truth = await simFinal(created.map((c) => c.id));
  await page.getByRole("button", { name: "Refresh now" }).click();
  await expect(page.getByTestId("counter-final-value")).toHaveText("4", { timeout: 20_000 });
  await expect(page.getByTestId("counter-answered-value")).toHaveText("4");
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-live", "false");
  const stayed = truth.filter((c) => String(c.ivrAnswer) === "-1").length;
  const ivr = page.getByTestId("ivr-answers");
  await expect(ivr.getByRole("row", { name: /^Key 1/ }).getByTestId("ivr-answer-count")).toHaveText(String(4 - stayed));
  await expect(ivr.getByRole("row", { name: /^No key/ }).getByTestId("ivr-answer-count")).toHaveText(String(stayed));
  await expect(page.getByTestId("call-row").filter({ has: page.getByRole("button", { name: /Listen/ }) })).toHaveCount(4);

  // The campaign's report: its calls, and only them, as CSV and XLSX from its own page.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Calls as CSV" }).click();
  const csv = (await (await csvDownload).createReadStream()).toArray();
  const lines = Buffer.concat((await csv) as Buffer[]).toString("utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines).toHaveLength(1 + 4);
  for (const call of truth) expect(lines.some((line) => line.includes(`Sync results ${prefix}`) && line.replace(/\D/g, "").includes(call.phone))).toBe(true);
  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Calls as XLSX" }).click();
  expect((await xlsxDownload).suggestedFilename()).toMatch(/\.xlsx$/);
  await page.getByRole("link", { name: "Open in Calls" }).click();
  await expect(page).toHaveURL(new RegExp(`/calls\\?campaign=${id}$`));
  await expect(page.getByTestId("call-row")).toHaveCount(4);
});

test("a number blacklisted by key 2 (needBlock) ends on the do-not-call list", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  const connectionId = await calldogConnectionId(page);
  const webhookUrl = await receiverUrl(page);
  const [blocked] = phones(3, 1) as [string];
  const created = await createAnsweredCalls({ phones: [blocked], webhookUrl, ivrs: [{ digit: 2, needBlock: 1 }] });
  await storeCampaign(page, { connectionId, name: `Blacklist ${prefix}`, settings: { menu: { handlers: [handler("2", { blacklist: true })] } }, calls: created });
  const [call] = await simFinal(created.map((c) => c.id));
  expect(call).toMatchObject({ status: "finished", blacklisted: true });

  await expect
    .poll(
      async () => {
        await page.goto(`/dnc?q=${blocked}`);
        return page.getByRole("cell", { name: `+7 ${blocked.slice(1, 4)} ${blocked.slice(4, 7)} ${blocked.slice(7, 9)} ${blocked.slice(9)}` }).count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
});

test("the results page in Russian, and 404 for an unknown campaign", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "ru", url: `http://localhost:${APP_PORT}` }]);
  await page.goto(campaignUrl);
  await expect(page.getByRole("button", { name: "Обновить сейчас" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ответы в IVR" })).toBeVisible();
  await expect(page.getByTestId("ivr-answers")).toContainText("Клавиша 2");
  await expect(page.getByTestId("counter-answered")).toContainText("Отвечен");
  await page.screenshot({ path: test.info().outputPath("campaign-results-ru.png"), fullPage: true });
  await page.goto("/campaigns");
  await expect(page.getByRole("heading", { name: "Кампании Calldog" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("campaigns-ru.png"), fullPage: true });

  // An unknown campaign is the not-found page (its status is 200: the Campaigns segment's loading.tsx streams it).
  await page.context().clearCookies({ name: "NEXT_LOCALE" });
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-campaign"]) {
    await page.goto(`/campaigns/calldog/${id}`);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("the e2e fixture route is closed to managers", SIM, async ({ browser }: { browser: Browser }) => {
  const page = await pageAs(browser, "manager");
  const response = await page.request.post("/api/e2e/calldog-campaigns", { data: {} });
  expect(response.status()).toBe(403);
});
