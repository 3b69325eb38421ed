import { type Browser, expect, type Page, test } from "@playwright/test";
import { DATE_TIME_SECONDS } from "@/lib/i18n/date-formats";
import { ensureConnection, expectNoPageScroll, expectRecordingPlays, pageAs, SIM_CONNECTIONS, SIM_URL, simRequestLog , needsSimulators, SIM } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

const DEMO = SIM_CONNECTIONS.calldron;
const SURVEY = "Опрос качества обслуживания"; // a finished demo batch: 260 calls, answered ones recorded
const FIXTURE = `E2E calls ${Date.now()}`;
const CALL_CREATES = /^\/batches\/\d+\/calls$/;

test.describe.configure({ mode: "serial" });

async function sim(method: string, path: string, body?: unknown) {
  const response = await fetch(`${SIM_URL}${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from(`${DEMO.key}:`).toString("base64")}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json() as Promise<Record<string, unknown>>;
}
const faults = (settings: Record<string, unknown> | null) =>
  settings ? sim("PUT", "/_sim/faults/calldron", settings) : fetch(`${SIM_URL}/_sim/faults/calldron`, { method: "DELETE" });

/** A batch's live calls are on its own page (the Calls page shows the synced calls of every provider). */
async function openBatch(page: Page, name: string) {
  await page.goto("/campaigns");
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

/** Calls created at the simulator so far (the request log keeps paths and body shapes, never numbers or keys). */
async function createsSoFar() {
  return (await simRequestLog("calldron")).filter((e) => e.method === "POST" && CALL_CREATES.test(e.path)).length;
}

async function selectStatus(page: Page, label: RegExp) {
  const select = page.getByLabel("Status", { exact: true });
  // By value: an option's label carries a count that may change while the page refreshes.
  await select.selectOption((await select.locator("option", { hasText: label }).getAttribute("value")) as string);
}

async function managerPage(browser: Browser, width = 1280) {
  const page = await pageAs(browser, "manager");
  await page.setViewportSize({ width, height: 900 });
  return page;
}

test.beforeAll(async ({ browser }) => {
  await ensureConnection(browser, "calldron");
  // A batch of our own with no calling window (so a call starts at any hour) and one attempt.
  await sim("POST", "/calldron/v1/batches", { batch: { name: FIXTURE, attempts: "1", call_delay: "0" } });
});

test.afterEach(async () => {
  await faults(null);
});

test("a demo batch's calls: paginated, filtered by status and by final, stopped because all are final", SIM, async ({ browser }) => {
  const page = await managerPage(browser);
  await openBatch(page, SURVEY);
  await expect(page.getByTestId("calls-count")).toHaveText("260 calls of 260");
  await expect(page.getByTestId("call-row")).toHaveCount(25);
  await expect(page.getByTestId("live-state")).toContainText("Stopped: every call is final");
  await expect(page.getByText("Page 1 of 11")).toBeVisible();
  // The rows come through a server action: they carry whether there is a recording, never its URL or the key.
  // Read through a route: the browser may drop a streamed answer's body before a response listener reads it.
  const bodies: string[] = [];
  await page.route("**/*", async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
    const response = await route.fetch();
    bodies.push(await response.text());
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: "Next →" }).click();
  await expect.poll(() => bodies.length).toBeGreaterThan(0);
  await page.unrouteAll({ behavior: "wait" });
  const body = bodies.join("\n");
  expect(body).toContain("hasRecording");
  expect(body).not.toContain("record.mp3");
  expect(body).not.toContain(SIM_URL);
  expect(body).not.toContain(DEMO.key);
  await expect(page.getByText("Page 2 of 11")).toBeVisible();

  const status = page.getByLabel("Status", { exact: true });
  const answeredOption = await status.locator("option", { hasText: /^Answered \(\d+\)$/ }).textContent();
  const answered = Number(/\((\d+)\)/.exec(answeredOption ?? "")?.[1]);
  expect(answered).toBeGreaterThan(100);
  await status.selectOption({ label: answeredOption as string });
  await expect(page.getByTestId("calls-count")).toHaveText(`${answered} calls of 260`);
  await expect(page.getByText(`Page 1 of ${Math.ceil(answered / 25)}`)).toBeVisible();
  for (const s of await page.getByTestId("call-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")))) expect(s).toBe("answered");

  await page.getByLabel("Final", { exact: true }).selectOption({ label: "Not final yet" });
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByTestId("calls-count")).toHaveText("260 calls of 260");

  // The table fits a 1280-px laptop: no sideways scrolling, no hint.
  await expect(page.getByTestId("call-row").first()).toBeVisible();
  await expect(page.getByTestId("scroll-hint")).toHaveCount(0);
  await page.screenshot({ path: "test-results/calls-1280-en.png", fullPage: true });
});

test("the table fits 1280 px in Russian too, and at 1024 px it scrolls with a visible hint", SIM, async ({ browser }) => {
  const page = await managerPage(browser);
  await openBatch(page, SURVEY);
  await page.getByLabel("Language").filter({ visible: true }).selectOption("ru");
  try {
    await expect(page.getByRole("columnheader", { name: "Итог" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: /^Набран – завершён \((UTC|[A-Za-z_]+\/[A-Za-z_/+-]+)\)$/ })).toBeVisible();
    await expect(page.getByTestId("call-row")).toHaveCount(25);
    await expect(page.getByTestId("scroll-hint")).toHaveCount(0);
    await expectNoPageScroll(page, "the batch page at 1280 px");
    await page.screenshot({ path: "test-results/calls-1280-ru.png", fullPage: true });
    await page.setViewportSize({ width: 1024, height: 800 });
    await expect(page.getByTestId("scroll-hint")).toBeVisible();
    // The table scrolls in its own region; a cell's screen-reader label once escaped it and widened the page.
    await expectNoPageScroll(page, "the batch page at 1024 px");
    // The number, the row's main column, stays in view while the rest scrolls.
    const number = page.getByTestId("call-row").first().locator("td").first();
    await number.scrollIntoViewIfNeeded();
    await expect(number).toBeInViewport();
    await page.screenshot({ path: "test-results/calls-1024-ru.png" });
  } finally {
    await page.getByLabel("Язык").filter({ visible: true }).selectOption("en");
    await expect(page.getByRole("heading", { name: SURVEY })).toBeVisible();
    await expect(page.getByLabel("Language").filter({ visible: true })).toBeVisible();
  }
});

test("a recording plays in the page: duration, seek, and a 206 from the app's route", SIM, async ({ browser }) => {
  const page = await managerPage(browser);
  const partial: { status: number; range?: string; contentRange?: string }[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/api/recordings/calldron/")) partial.push({ status: r.status(), range: r.request().headers().range, contentRange: r.headers()["content-range"] });
  });
  await openBatch(page, SURVEY);
  await selectStatus(page, /^Answered/);
  const row = page.getByTestId("call-row").first();
  await expect(row).toHaveAttribute("data-status", "answered");
  await row.getByRole("button", { name: /Listen/ }).click();
  await expectRecordingPlays(page);
  expect(partial.some((p) => p.status === 206 && p.range?.startsWith("bytes=") && /^bytes \d+-\d+\/\d+$/.test(p.contentRange ?? ""))).toBe(true);
  await page.screenshot({ path: "test-results/calls-recording.png" });

  // The route itself: a Range request answers 206 with the part asked for.
  const src = (await page.getByTestId("batch-calls").locator("audio").getAttribute("src")) as string;
  const ranged = await page.request.get(src, { headers: { range: "bytes=0-99" } });
  expect(ranged.status()).toBe(206);
  expect(ranged.headers()["content-range"]).toMatch(/^bytes 0-99\/\d+$/);
  expect(ranged.headers()["content-type"]).toBe("audio/mpeg");
  expect((await ranged.body()).length).toBe(100);
  expect(JSON.stringify(ranged.headers())).not.toContain(SIM_URL);

  // Without a session: 401 JSON, nothing streamed.
  const anonymous = await browser.newContext();
  const refused = await anonymous.request.get(new URL(src, page.url()).toString());
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toHaveProperty("error");
  await anonymous.close();

  // The provider failing to send a recording is a message where the player would be, not an error page.
  await faults({ errorRate: 1, errorStatuses: [500], match: "^GET /batches/\\d+/calls/\\d+/record\\.mp3$" });
  await page.getByTestId("call-row").nth(1).getByRole("button", { name: /Listen/ }).click();
  await expect(page.getByTestId("batch-calls").getByText("The provider could not be reached.")).toBeVisible({ timeout: 40_000 });
  await faults(null);

  // A call without a recording says so in words.
  await selectStatus(page, /^Busy/);
  await expect(page.getByTestId("call-row").first()).toHaveAttribute("data-status", "busy");
  await expect(page.getByTestId("call-row").first()).toContainText("no recording");
});

test("call one number: confirmation names the number and the batch, then polling follows it to a final state", SIM, async ({ browser }) => {
  // Answered with a 4-minute talk (4 s at the e2e's time scale): the call is seen in progress, then final.
  await sim("PUT", "/_sim/outcomes", { answerRate: 1, busyRate: 0, minTalkSeconds: 240, maxTalkSeconds: 240 });
  try {
    const page = await managerPage(browser);
    await openBatch(page, FIXTURE);
    await expect(page.getByTestId("calls-empty")).toBeVisible();
    const before = await createsSoFar();
    await page.getByRole("button", { name: "Call a number" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Phone number").fill("12345");
    await dialog.getByRole("button", { name: "Continue" }).click();
    await expect(dialog.getByText("This is not a valid Russian phone number.")).toBeVisible();
    expect(await createsSoFar()).toBe(before);

    await dialog.getByLabel("Phone number").fill("8 (999) 123-45-67");
    await dialog.getByRole("button", { name: "Continue" }).click();
    await expect(dialog).toContainText(`Call +7 999 123 45 67 in the batch “${FIXTURE}”?`);
    // The facts every launch shows before the final click.
    const facts = dialog.getByTestId("launch-facts");
    await expect(facts).toContainText("Numbers to dial1");
    await expect(facts).toContainText("0 on the do-not-call list, 0 invalid, 0 repeated");
    await expect(facts).toContainText("ProviderCalldron");
    await page.screenshot({ path: "test-results/call-one-confirm.png" });
    await dialog.getByRole("button", { name: "Call now" }).click();
    await expect(dialog.getByText("The call to +7 999 123 45 67 was placed.")).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();

    const row = page.getByTestId("call-row").first();
    await expect(row).toContainText("+7 999 123 45 67");
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-live", "true");
    await expect(page.getByTestId("live-state")).toContainText("Live");
    await expect(row).toHaveAttribute("data-final", "true", { timeout: 30_000 });
    await expect(row).toHaveAttribute("data-status", "answered");
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-live", "false");
    await expect(page.getByTestId("live-state")).toContainText("Stopped");
    expect(await createsSoFar()).toBe(before + 1);
  } finally {
    await sim("PUT", "/_sim/outcomes", { answerRate: 0.6, busyRate: 0.15, minTalkSeconds: 5, maxTalkSeconds: 90 });
  }
});

test("faults on listing (500, 429, hang) show a clear message in the page", SIM, async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await managerPage(browser);
  const listing = "^GET /batches/\\d+/calls$";
  await faults({ errorRate: 1, errorStatuses: [500], match: listing });
  await openBatch(page, SURVEY);
  await expect(page.getByTestId("batch-calls").getByRole("alert")).toContainText("Could not read the calls: Provider error.");
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();

  await faults({ errorRate: 0, rateLimitRate: 1, retryAfterSeconds: 1, match: listing });
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("batch-calls").getByRole("alert")).toContainText("Could not read the calls: Too many requests, try later.", { timeout: 20_000 });

  await faults({ rateLimitRate: 0, hangRate: 1, match: listing });
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("batch-calls").getByRole("alert")).toContainText("Could not read the calls: Timed out.", { timeout: 90_000 });

  await faults(null);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("calls-count")).toHaveText("260 calls of 260");
});

test("faults on calling: a 500 or a hang is not retried blind, a 429 says nothing was dialed", SIM, async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await managerPage(browser);
  await openBatch(page, FIXTURE);
  const dial = async (typed: string) => {
    await page.getByRole("button", { name: "Call a number" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Phone number").fill(typed);
    await dialog.getByRole("button", { name: "Continue" }).click();
    await dialog.getByRole("button", { name: "Call now" }).click();
    return dialog;
  };
  const creating = "^POST /batches/\\d+/calls$";

  let before = await createsSoFar();
  await faults({ errorRate: 1, errorStatuses: [500], match: creating });
  let dialog = await dial("+7 916 000-11-22");
  await expect(dialog.getByRole("status")).toContainText("did not confirm the call to +7 916 000 11 22", { timeout: 20_000 });
  await expect(dialog.getByRole("status")).toContainText("It was not retried");
  expect(await createsSoFar()).toBe(before + 1);
  await dialog.getByRole("button", { name: "Close" }).click();

  before = await createsSoFar();
  await faults({ errorRate: 0, rateLimitRate: 1, retryAfterSeconds: 120, match: creating });
  dialog = await dial("9160001123");
  await expect(dialog.getByRole("alert")).toContainText("The provider is busy (too many requests). Nothing was dialed; try again in 120 s.");
  expect(await createsSoFar()).toBe(before + 1);
  await dialog.getByRole("button", { name: "Close" }).click();

  before = await createsSoFar();
  await faults({ rateLimitRate: 0, hangRate: 1, match: creating });
  dialog = await dial("+79160001124");
  await expect(dialog.getByRole("status")).toContainText("did not confirm the call to +7 916 000 11 24", { timeout: 60_000 });
  expect(await createsSoFar()).toBe(before + 1);
});

test("the user's time zone, set on the profile, changes the times shown", SIM, async ({ browser }) => {
  const page = await managerPage(browser);
  const firstTime = () => page.getByTestId("call-row").first().locator("time").first();
  const expected = (iso: string, timeZone: string) =>
    new Intl.DateTimeFormat("en", { ...DATE_TIME_SECONDS, timeZone }).format(new Date(iso));

  await openBatch(page, SURVEY);
  const iso = (await firstTime().getAttribute("datetime")) as string;
  await expect(firstTime()).toHaveText(expected(iso, "Europe/Moscow"));
  // The month in words, never 11/28/26.
  await expect(firstTime()).toHaveText(/^[A-Z][a-z]{2}\s\d{1,2},\s\d{4},\s\d{1,2}:\d{2}:\d{2}\s[AP]M$/);

  const setZone = async (search: string, zone: string) => {
    await page.goto("/profile");
    await page.getByLabel("Find a zone").fill(search);
    // The select, not the "Time zone" card around it (a region named by its title).
    await page.getByRole("combobox", { name: "Time zone", exact: true }).selectOption(zone);
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByText("Time zone saved")).toBeVisible();
  };
  await setZone("vladivostok", "Asia/Vladivostok");
  await page.screenshot({ path: "test-results/profile-time-zone.png", fullPage: true });
  try {
    await openBatch(page, SURVEY);
    await expect(firstTime()).toHaveAttribute("datetime", iso);
    await expect(firstTime()).toHaveText(expected(iso, "Asia/Vladivostok"));
    expect(expected(iso, "Asia/Vladivostok")).not.toBe(expected(iso, "Europe/Moscow"));
  } finally {
    await setZone("moscow", "Europe/Moscow");
  }
});
