import { expect, type Page, test } from "@playwright/test";
import { ensureConnection, needsSimulators, pageAs, SIM, SIM_CONNECTIONS, SIM_URL, simRequestLog } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

const LIST = "Тестовый список";
// A batch of this run's own, with no calling window and one attempt: its calls reach their final states at any hour.
const BATCH = `E2E прогон ${Date.now()}`;

async function simControl(path: string, method: string, body?: unknown) {
  await fetch(`${SIM_URL}/_sim/${path}`, { method, headers: { "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
}

/** The connection and batch ids of the demo batch, from its link on the Campaigns page (`/campaigns/calldron/<connection>/<batch>`). */
async function demoBatch(page: Page): Promise<{ connectionId: string; batchId: string }> {
  await page.goto("/campaigns");
  const href = await page.getByRole("link", { name: BATCH, exact: true }).first().getAttribute("href");
  const [connectionId, batchId] = /\/campaigns\/calldron\/([^/]+)\/([^/?]+)/.exec(href ?? "")?.slice(1) ?? [];
  if (!connectionId || !batchId) throw new Error("the demo batch is not listed on the Campaigns page");
  return { connectionId, batchId };
}

async function createsIn(batchId: string): Promise<string[]> {
  return (await simRequestLog("calldron")).filter((e) => e.method === "POST" && e.path === `/batches/${batchId}/calls` && e.status === 200).map((e) => e.phone ?? "?");
}

test.beforeAll(async () => {
  const auth = Buffer.from(`${SIM_CONNECTIONS.calldron.key}:`).toString("base64");
  const made = await fetch(`${SIM_URL}/calldron/v1/batches`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Basic ${auth}` },
    body: JSON.stringify({ batch: { name: BATCH, attempts: "1", call_delay: "0" } }),
  });
  expect(made.ok).toBe(true);
});

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
