import { expect, type Page, test } from "@playwright/test";
import { formatPhone } from "@/lib/phone-format";
import { ensureConnection, needsSimulators, pageAs, SIM, SIM_CONNECTIONS, SIM_URL, setSimOutcomes, simRequestLog } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

const LIST = "Тестовый список";
// A batch of this run's own, with no calling window and one attempt: its calls reach their final states at any hour.
const BATCH = `E2E прогон ${Date.now()}`;
// Another such batch for the test call, so that its call does not count among the run's.
const TEST_BATCH = `E2E тестовый звонок ${Date.now()}`;
const TEST_PHONE = "+79991230077";
const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
const moscowHour = () => Number(new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Moscow", hour: "numeric", hourCycle: "h23" }).format(new Date()));

async function simControl(path: string, method: string, body?: unknown) {
  await fetch(`${SIM_URL}/_sim/${path}`, { method, headers: { "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
}

/** The connection and batch ids of the demo batch, from its link on the Campaigns page (`/campaigns/calldron/<connection>/<batch>`). */
async function demoBatch(page: Page, name = BATCH): Promise<{ connectionId: string; batchId: string }> {
  await page.goto("/campaigns");
  const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
  const [connectionId, batchId] = /\/campaigns\/calldron\/([^/]+)\/([^/?]+)/.exec(href ?? "")?.slice(1) ?? [];
  if (!connectionId || !batchId) throw new Error("the demo batch is not listed on the Campaigns page");
  return { connectionId, batchId };
}

async function createsIn(batchId: string): Promise<string[]> {
  return (await simRequestLog("calldron")).filter((e) => e.method === "POST" && e.path === `/batches/${batchId}/calls` && e.status === 200).map((e) => e.phone ?? "?");
}

test.beforeAll(async () => {
  const auth = Buffer.from(`${SIM_CONNECTIONS.calldron.key}:`).toString("base64");
  for (const name of [BATCH, TEST_BATCH]) {
    const made = await fetch(`${SIM_URL}/calldron/v1/batches`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Basic ${auth}` },
      body: JSON.stringify({ batch: { name, attempts: "1", call_delay: "0" } }),
    });
    expect(made.ok).toBe(true);
  }
});

/** The admin sets the organisation's calling window on the Dialing policy page. */
async function setWindow(admin: Page, from: string, to: string) {
  await admin.goto("/settings/dialing");
  await admin.getByLabel("From").fill(from);
  await admin.getByLabel("Until").fill(to);
  await admin.getByRole("button", { name: "Save policy" }).click();
  await expect(admin.getByText("Policy saved.")).toBeVisible();
}

test.afterEach(async () => {
  await simControl("faults/calldron", "DELETE");
});

test("a manager runs the demo list through the demo batch: confirmation, progress, pause and resume, the summary; a double click starts one run", SIM, async ({ browser }) => {
  await ensureConnection(browser, "calldron");
  const page = await pageAs(browser, "manager");
  const { connectionId, batchId } = await demoBatch(page);
  // Each call takes a moment, so that the run can be seen and paused half-way.
  await simControl("faults/calldron", "PUT", { latencyMs: 1_200, match: "^POST /batches/\\d+/calls" });
  const before = await createsIn(batchId);

  await page.goto(`/campaigns/calldron/${connectionId}/${batchId}/run`);
  await expect(page.getByRole("heading", { name: "Run a list through a batch" })).toBeVisible();
  await page.getByLabel("Contact list").selectOption({ label: LIST });
  await page.getByRole("button", { name: "Run list…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("run-list-confirm-text")).toHaveText(`Call 5 subscribers of the list «${LIST}» through the batch «${BATCH}»?`);
  // Counted before the click, as every launch does: what will be dialed and what held back.
  const facts = dialog.getByTestId("launch-facts");
  await expect(facts).toContainText("Numbers to dial5");
  await expect(facts).toContainText("0 on the do-not-call list, 0 invalid, 0 repeated");
  await expect(facts).toContainText("ProviderCalldron");
  await dialog.getByRole("button", { name: "Start calling" }).dblclick();
  await expect(dialog).toBeHidden();

  const current = page.getByTestId("run-list-current");
  await expect(current.getByRole("progressbar", { name: "Progress" })).toBeVisible();
  await expect(current.getByTestId("task-state")).toHaveText("Running");
  await current.getByRole("button", { name: "Pause" }).click();
  await expect(current.getByTestId("task-state")).toHaveText("Paused");
  // Calls in flight when the pause came are finished; after that, nothing more is called.
  await page.waitForTimeout(3_500);
  const atPause = (await createsIn(batchId)).length;
  await page.waitForTimeout(2_500);
  expect((await createsIn(batchId)).length).toBe(atPause);

  await page.reload();
  await expect(current.getByTestId("task-state")).toHaveText("Paused");
  await current.getByRole("button", { name: "Resume" }).click();
  await expect(current.getByTestId("task-state")).toHaveText("Done", { timeout: 30_000 });
  await expect(current.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuenow", "5");

  // Every number of the list once: called by this run, or by an earlier path in this batch.
  const summary = page.getByTestId("run-list-summary");
  const called = Number((await summary.getByTestId("outcome-called").locator("dd").textContent()) ?? "0");
  const already = (await summary.getByTestId("outcome-alreadyInBatch").count()) ? Number(await summary.getByTestId("outcome-alreadyInBatch").locator("dd").textContent()) : 0;
  expect(called + already).toBe(5);
  const made = (await createsIn(batchId)).slice(before.length);
  expect(made).toHaveLength(called);
  expect(new Set(made).size).toBe(made.length);
  // The double click made one run: no earlier run of this batch is listed.
  await expect(page.getByRole("button", { name: "Show the run" })).toHaveCount(0);

  // The batch's page (linked from here) follows the calls until every one is final, then stops polling.
  await page.getByRole("link", { name: "← The batch's page" }).click();
  await expect(page.getByRole("heading", { name: BATCH })).toBeVisible();
  await expect(page.getByTestId("call-row")).toHaveCount(5);
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-live", "false", { timeout: 60_000 });
  await expect(page.locator('[data-testid=call-row][data-final="true"]')).toHaveCount(5);

  if (process.env.E2E_SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: "test-results/run-list-en.png", fullPage: true });
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "ru", url: page.url() }]);
    await page.reload();
    await expect(current.getByTestId("task-state")).toHaveText("Готово");
    await page.screenshot({ path: "test-results/run-list-ru.png", fullPage: true });
    await page.getByLabel("Список контактов").selectOption({ label: LIST });
    await page.getByRole("button", { name: "Обзвонить список…" }).click();
    await expect(page.getByRole("dialog").getByTestId("run-list-confirm-text")).toBeVisible();
    await page.screenshot({ path: "test-results/run-list-confirm-ru.png" });
  }
});

test("when Calldron fails while the list is counted, the confirmation says so in words and nothing is called", SIM, async ({ browser }) => {
  await ensureConnection(browser, "calldron");
  const page = await pageAs(browser, "manager");
  const { connectionId, batchId } = await demoBatch(page);
  const before = await createsIn(batchId);
  await page.goto(`/campaigns/calldron/${connectionId}/${batchId}/run`);
  await page.getByLabel("Contact list").selectOption({ label: LIST });
  await simControl("faults/calldron", "PUT", { errorRate: 1, errorStatuses: [500], match: "^GET /lists/\\d+/subscribers" });
  await page.getByRole("button", { name: "Run list…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("alert")).toHaveText("Calldron could not be read: Calldron reported an error");
  await expect(dialog.getByRole("button", { name: "Start calling" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await createsIn(batchId)).toEqual(before);
});

test("the run confirmation offers a test call to my number: one call through the batch, shown as made, audited", SIM, async ({ browser }) => {
  await ensureConnection(browser, "calldron");
  const admin = await pageAs(browser, "admin");
  const page = await pageAs(browser, "manager");
  try {
    // The organisation's window open now, whenever this runs; every call answered, so that the test call has a recording.
    await setWindow(admin, hh(moscowHour() - 1), hh(moscowHour() + 3));
    await setSimOutcomes({ answerRate: 1, busyRate: 0, minTalkSeconds: 5, maxTalkSeconds: 10 });
    await page.goto("/profile");
    await page.getByLabel("Phone number").fill("");
    await page.getByRole("button", { name: "Save number" }).click();
    await expect(page.getByText("Number removed.")).toBeVisible();

    const { connectionId, batchId } = await demoBatch(page, TEST_BATCH);
    const openConfirmation = async () => {
      await page.goto(`/campaigns/calldron/${connectionId}/${batchId}/run`);
      await page.getByLabel("Contact list").selectOption({ label: LIST });
      await page.getByRole("button", { name: "Run list…" }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByTestId("run-list-confirm-text")).toBeVisible();
      return dialog.getByRole("region", { name: "Test call" });
    };

    // Without a number in the profile: said so, with a link to the profile.
    let testCall = await openConfirmation();
    await expect(testCall).toContainText("No test call made yet.");
    await expect(testCall).toContainText("Add your number for test calls in your profile");
    await expect(testCall.getByRole("link", { name: "Open the profile" })).toHaveAttribute("href", "/profile");

    await page.goto("/profile");
    await page.getByLabel("Phone number").fill(TEST_PHONE);
    await page.getByRole("button", { name: "Save number" }).click();
    await expect(page.getByText("Number saved.")).toBeVisible();
    await fetch(`${SIM_URL}/_sim/log/calldron`, { method: "DELETE" });

    testCall = await openConfirmation();
    await expect(testCall).toContainText("No test call made yet.");
    await testCall.getByRole("button", { name: `Test call to my number (${formatPhone(TEST_PHONE)})` }).click();
    await expect(testCall).toContainText(new RegExp(`Test call made at .+ to ${formatPhone(TEST_PHONE).replace(/\+/g, "\\+")}: `));
    // Exactly one call reached Calldron: to the test number, through this batch.
    const creates = (await simRequestLog("calldron")).filter((e) => e.method === "POST" && /^\/batches\/\d+\/calls$/.test(e.path));
    expect(creates.map((e) => [e.path, e.phone, e.status])).toEqual([[`/batches/${batchId}/calls`, TEST_PHONE, 200]]);
    // Followed until it ends: answered, with its recording to listen to.
    await expect(testCall).toContainText(": answered.", { timeout: 60_000 });
    const player = testCall.getByRole("group", { name: `Recording of the test call to ${formatPhone(TEST_PHONE)}` });
    await expect.poll(() => player.locator("audio").evaluate((a: HTMLAudioElement) => a.duration), { timeout: 15_000 }).toBeGreaterThan(0);

    // Kept: the confirmation opened again says so, and nothing more was sent; nothing was started either.
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    testCall = await openConfirmation();
    await expect(testCall).toContainText(`to ${formatPhone(TEST_PHONE)}: answered.`);
    expect((await simRequestLog("calldron")).filter((e) => e.method === "POST").length).toBe(1);

    await admin.goto("/settings/audit");
    await expect(admin.getByRole("cell", { name: "Calldron test call" }).first()).toBeVisible();
  } finally {
    await setSimOutcomes({ answerRate: 0.6, busyRate: 0.15, minTalkSeconds: 5, maxTalkSeconds: 90 });
    await setWindow(admin, "09:00", "20:00");
    await page.context().close();
    await admin.context().close();
  }
});
