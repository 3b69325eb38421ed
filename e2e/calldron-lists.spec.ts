import { expect, type Page, test } from "@playwright/test";
import { ListsPage } from "./pages/lists-page";
import { ensureConnection, pageAs, SIM_URL, simRequestLog , needsSimulators, SIM } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

// Calldron lists end to end on the simulator, as a manager: create a list, paste numbers (preview, then a background
// task with progress that survives a reload, pause and resume), the exact summary, remove a number, add one, the
// Tasks page and its report, delete the list.

const LIST = `E2E список ${Date.now()}`;

/** 200 pasted entries: `valid` distinct numbers, then `duplicates` of them again, then `invalid` entries. */
function pasted({ valid, duplicates, invalid }: { valid: number; duplicates: number; invalid: number }) {
  const numbers = Array.from({ length: valid }, (_, i) => `8916${String(5_000_000 + i)}`);
  // Mixed ways of writing and separating them, as people paste.
  const written = numbers.map((n, i) => (i % 3 === 0 ? `+7 (${n.slice(1, 4)}) ${n.slice(4, 7)}-${n.slice(7, 9)}-${n.slice(9)}` : n));
  const entries = [...written, ...numbers.slice(0, duplicates), ...Array.from({ length: invalid }, (_, i) => `12${i}`)];
  return { numbers, text: entries.map((e, i) => (i % 4 === 0 ? `${e};` : i % 4 === 1 ? `${e},` : `${e}\n`)).join("") };
}

// 200 entries: 5 invalid, 10 duplicates, and 3 of the 185 distinct numbers put on the do-not-call list first.
const PASTE = { valid: 185, duplicates: 10, invalid: 5 };
const ON_DNC = 3;
const SUMMARY = { added: 182, already: 0, invalid: 5, duplicate: 10, dnc: 3, failed: 0 };

async function putOnDoNotCall(page: Page, numbers: string[]) {
  await page.goto("/dnc");
  await page.getByLabel("Numbers", { exact: true }).fill(numbers.join("\n"));
  await page.getByLabel("Reason", { exact: true }).fill("asked not to be called (e2e)");
  await page.getByRole("button", { name: "Add to the list" }).click();
  await expect(page.getByText(`${formatForSearch(numbers[0] as string)}`).first()).toBeVisible();
}

/** How the do-not-call table shows a number: `+7 916 500 01 82`. */
function formatForSearch(n: string): string {
  const d = n.replace(/\D/g, "").replace(/^8/, "7");
  return `+7 ${d.slice(1, 4)} ${d.slice(4, 7)} ${d.slice(7, 9)} ${d.slice(9)}`;
}

async function setSlowAdds(latencyMs: number) {
  const body = latencyMs ? { latencyMs, match: "^POST /lists/\\d+/subscribers$" } : undefined;
  await fetch(`${SIM_URL}/_sim/faults/calldron`, { method: body ? "PUT" : "DELETE", headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
}

async function openList(page: Page): Promise<string> {
  return new ListsPage(page).createCalldronList("Calldron main", LIST);
}

test.describe.configure({ mode: "serial" });

let listUrl = "";

test.beforeAll(async ({ browser }) => {
  await ensureConnection(browser, "calldron");
});

test.afterAll(async () => {
  await setSlowAdds(0);
});

test("a pasted list is checked first, then added in the background with progress, pause, resume and an exact summary", SIM, async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await pageAs(browser, "manager");
  const { text, numbers } = pasted(PASTE);
  await putOnDoNotCall(page, numbers.slice(-ON_DNC));
  listUrl = await openList(page);
  const listId = listUrl.split("/").at(-1) as string;
  await expect(page.getByText("This list has no numbers yet.")).toBeVisible();

  await page.getByLabel("Numbers", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Check numbers" }).click();
  await expect(page.getByTestId("preview-valid")).toHaveText("182 numbers will be added.");
  await expect(page.getByTestId("preview-dnc")).toContainText("3 numbers are on the do-not-call list");
  await expect(page.getByTestId("preview-invalid")).toContainText("5 entries are not phone numbers");
  await expect(page.getByTestId("preview-duplicates")).toContainText("10 numbers are repeated");
  const before = (await simRequestLog("calldron")).filter((e) => e.method === "POST" && e.path.endsWith(`/lists/${listId}/subscribers`)).length;
  expect(before, "nothing is sent before the user confirms").toBe(0);

  // Slow adds, so that the task is still running while the page is reloaded and paused.
  await setSlowAdds(250);
  await page.getByRole("button", { name: "Add 182 numbers" }).click();
  const bar = page.getByRole("progressbar", { name: "Progress" });
  await expect(bar).toBeVisible();
  await expect(page).toHaveURL(/\?task=[0-9a-f-]+$/);
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);

  await page.reload();
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuemax", "185");

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("task-progress").getByText("Paused", { exact: true })).toBeVisible();
  // Once paused (seen by the runner within a heartbeat), nothing more is sent: the database's count stands still.
  await page.waitForTimeout(3_000);
  await page.reload();
  await expect(page.getByTestId("task-progress").getByText("Paused", { exact: true })).toBeVisible();
  const paused = Number(await bar.getAttribute("aria-valuenow"));
  expect(paused).toBeLessThan(185);
  await page.waitForTimeout(2_500);
  await page.reload();
  await expect(bar).toBeVisible();
  expect(Number(await bar.getAttribute("aria-valuenow"))).toBe(paused);

  await setSlowAdds(0);
  await page.getByRole("button", { name: "Resume" }).click();
  const summary = page.getByTestId("add-summary");
  await expect(summary).toBeVisible({ timeout: 60_000 });
  for (const [outcome, n] of Object.entries(SUMMARY)) await expect(summary.getByTestId(`summary-${outcome}`), outcome).toContainText(String(n));
  await expect(page.getByTestId("task-progress").getByText("Done", { exact: true })).toBeVisible();

  const posts = (await simRequestLog("calldron")).filter((e) => e.method === "POST" && e.path.endsWith(`/lists/${listId}/subscribers`));
  expect(posts.filter((e) => e.status === 200)).toHaveLength(182);
  expect(posts, "no add sent twice, none for a do-not-call number").toHaveLength(182);
  await page.context().close();
});

test("the list shows its numbers page by page; one is removed after a confirmation naming it, one is added", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto(listUrl);
  const rows = page.getByTestId("subscriber-row");
  await expect(rows).toHaveCount(25);
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page.getByText("Page 2")).toBeVisible();
  await page.goto(listUrl);

  const first = rows.first();
  const number = ((await first.locator("td").first().textContent()) ?? "").trim();
  expect(number).toMatch(/^\+7 916 5\d\d/);
  await first.getByRole("button", { name: "Remove" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(number);
  await dialog.getByRole("button", { name: "Remove the number" }).click();
  await expect(rows.filter({ hasText: number })).toHaveCount(0);

  await page.getByLabel("Find a number").fill(number.replace(/\D/g, "").slice(-7));
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("No number matches among all 181 in the list.")).toBeVisible();

  await page.getByLabel("Phone number").fill("12345");
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByText("This is not a valid phone number.")).toBeVisible();
  await page.getByLabel("Phone number").fill(number);
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByText(`${number} was added to the list.`)).toBeVisible();
  await page.getByLabel("Phone number").fill(number);
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByText(`${number} is already in the list.`)).toBeVisible();
  await page.context().close();
});

test("adding one number under faults says so in words and never adds it twice; a do-not-call number is refused before Calldron", SIM, async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await pageAs(browser, "manager");
  const listId = listUrl.split("/").at(-1) as string;
  const adds = async () => (await simRequestLog("calldron")).filter((e) => e.method === "POST" && e.path === `/lists/${listId}/subscribers`).length;
  const faults = (settings: Record<string, unknown>) =>
    fetch(`${SIM_URL}/_sim/faults/calldron`, { method: "DELETE" }).then(() =>
      fetch(`${SIM_URL}/_sim/faults/calldron`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(settings) }),
    );
  const phone = page.getByLabel("Phone number");
  const add = async (typed: string) => {
    await page.goto(listUrl);
    await phone.fill(typed);
    await page.getByRole("button", { name: "Add number" }).click();
  };
  try {
    // Listing fails: the page says why instead of an error page.
    await faults({ errorRate: 1, errorStatuses: [500], match: "^GET /lists/\\d+$" });
    await page.goto(listUrl);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Could not read this account: Provider error.");

    const creating = `^POST /lists/${listId}/subscribers$`;
    // A 500: sent once, looked up, not there: the user is told to try again.
    let before = await adds();
    await faults({ errorRate: 1, errorStatuses: [500], match: creating });
    await add("8 (916) 700-00-01");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The provider did not confirm the number, and it is not in the list. Try again.", { timeout: 30_000 });
    expect(await adds()).toBe(before + 1);

    // A 429: Calldron did nothing; after the waits the transport allows, the user is asked to wait.
    await faults({ rateLimitRate: 1, retryAfterSeconds: 1, match: creating });
    await add("8 (916) 700-00-01");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The provider asks us to slow down. Try again in a minute.", { timeout: 30_000 });

    // The number is added but the answer is lost (as after a hang): found by the look-up, added once.
    before = await adds();
    await faults({ dropAfterRate: 1, match: creating });
    await add("8 (916) 700-00-01");
    await expect(page.getByText("+7 916 700 00 01 was added to the list.")).toBeVisible({ timeout: 30_000 });
    expect(await adds()).toBe(before + 1);

    // On the do-not-call list (put there by the first test): refused in the field, nothing sent.
    before = await adds();
    await faults({});
    await add("8 916 500-01-84");
    await expect(page.getByText("This number is on the do-not-call list, so it was not added.")).toBeVisible();
    expect(await adds()).toBe(before);
  } finally {
    await fetch(`${SIM_URL}/_sim/faults/calldron`, { method: "DELETE" });
    await page.context().close();
  }
});

test("the Tasks page lists the bulk add with its report, filterable by outcome", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/");
  await page.getByRole("link", { name: "Tasks" }).first().click();
  await expect(page.getByRole("heading", { name: "Tasks" })).toBeVisible();
  const row = page.getByTestId("task-row").filter({ hasText: LIST });
  await expect(row).toContainText("Done");
  await expect(row).toContainText("185 of 185 done");
  // Its times with the month in words ("started Nov 28, 2026, 3:04 PM", "начата 28 нояб. 2026 г., 15:04"), never 11/28/26.
  await expect(row).toContainText(/started\s[A-Z][a-z]{2}\s\d{1,2},\s\d{4},\s\d{1,2}:\d{2}\s[AP]M/);
  await expect(row).toContainText(/finished\s[A-Z][a-z]{2}\s\d{1,2},\s\d{4},/);
  await expect(row).not.toContainText(/\d{1,2}[/.]\d{1,2}[/.]\d{2}/);
  await page.getByLabel("Language").filter({ visible: true }).selectOption("ru");
  try {
    await expect(page.getByRole("heading", { name: "Задачи", level: 1 })).toBeVisible();
    await expect(row).toContainText(/начата\s\d{1,2}\s[а-я]{3,4}\.?\s\d{4}\sг\.,\s\d{1,2}:\d{2}/);
    await expect(row).not.toContainText(/\d{1,2}[/.]\d{1,2}[/.]\d{2}/);
  } finally {
    await page.getByLabel("Язык").filter({ visible: true }).selectOption("en");
    await expect(page.getByRole("heading", { name: "Tasks", level: 1 })).toBeVisible();
  }
  await row.getByRole("link", { name: "Adding numbers to a Calldron list" }).click();
  await expect(page.getByRole("progressbar", { name: "Progress" })).toHaveAttribute("aria-valuenow", "185");
  await expect(page.getByTestId("task-item-row")).toHaveCount(50);
  await page.getByRole("link", { name: "Added (182)" }).click();
  await expect(page).toHaveURL(/outcome=added/);
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page.getByTestId("task-item-row").first()).toContainText("Added");
  await page.context().close();
});

test("a list is deleted after a confirmation naming it", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto(listUrl);
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(LIST);
  await dialog.getByRole("button", { name: "Delete the list" }).click();
  await expect(page).toHaveURL(/\/lists$/);
  await expect(page.getByTestId(`list-row-${LIST}`)).toHaveCount(0);
  await page.context().close();
});
