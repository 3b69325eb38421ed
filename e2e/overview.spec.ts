import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { ensureConnection, pageAs , needsSimulators, SIM } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

test.describe.configure({ mode: "serial" });

// Other specs' calls share the database: the figures checked exactly are those of the campaigns seeded here.
const SUFFIX = `e2e${Date.now().toString(36)}`;
const A = `Spring sale ${SUFFIX}`;
const B = `Survey ${SUFFIX}`;
const C = `Base callback ${SUFFIX}`;
const D = `Launching ${SUFFIX}`;
let ids: Record<"a" | "b" | "c" | "d", string>;

test.beforeAll(async ({ browser }) => {
  for (const provider of ["calldron", "calldog", "obzvonilka"] as const) await ensureConnection(browser, provider);
  const page = await pageAs(browser, "admin");
  const response = await page.request.post("/api/testing/overview-fixture", { data: { suffix: SUFFIX } });
  expect(response.status()).toBe(200);
  ids = (await response.json()).ids;
  await page.context().close();
});

/** A campaign's row of the by-campaign table: calls, answered, answer rate, talk time, busy and failed rates. */
async function campaignRow(page: Page, id: string): Promise<string[]> {
  const row = page.getByTestId(`figures-${id}`);
  await expect(row).toBeVisible();
  return Promise.all(["calls", "answered", "answerRate", "avgTalk", "busyRate", "failedRate"].map((c) => text(row.locator(`[data-cell=${c}]`))));
}

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").trim();
}

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

test("the overview shows the seeded campaigns' figures for each period, with charts and the campaigns running now", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  const periods = page.getByRole("navigation", { name: "Period" });
  await expect(periods.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");

  expect(await campaignRow(page, ids.a)).toEqual(["6", "2", "33.3%", "1:30 min", "33.3%", "16.7%"]);
  expect(await campaignRow(page, ids.b)).toEqual(["2", "1", "100%", "0:30 min", "0%", "0%"]);
  expect(await campaignRow(page, ids.c)).toEqual(["2", "1", "100%", "1:30 min", "0%", "0%"]);
  // Each campaign links to its own page: the Calldron batch page, the Calldog campaign page.
  await expect(page.getByTestId(`figures-${ids.a}`).getByRole("link", { name: A })).toHaveAttribute("href", /^\/campaigns\/calldron\/[0-9a-f-]{36}\/fixture-\d+$/);
  await expect(page.getByTestId(`figures-${ids.b}`).getByRole("link", { name: B })).toHaveAttribute("href", `/campaigns/calldog/${ids.b}`);
  // Other specs add calls today too: the figure may pass 1,000 and gain a thousands separator.
  expect(Number((await text(page.getByTestId("kpi-calls").locator("dd").first())).replace(/\D/g, ""))).toBeGreaterThanOrEqual(11);
  await expect(page.getByTestId("figures-obzvonilka")).toBeVisible();

  // The charts are drawn (recharts, loaded after the page).
  await expect(page.getByTestId("chart-timeline").locator("svg.recharts-surface[role=application]")).toBeVisible();
  await expect(page.getByTestId("chart-ivr").locator("svg.recharts-surface[role=application]")).toBeVisible();
  await expect(page.getByTestId("chart-timeline").getByText("Calls and answer rate over time")).toBeAttached();

  // Survey still has a queued call; Launching's launch task is queued.
  await expect(page.getByTestId(`running-${B}`)).toContainText("4 of 5 calls finished · 2 answered");
  await expect(page.getByTestId(`running-${B}`).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "80");
  await expect(page.getByTestId(`running-${D}`)).toContainText("Launching");
  await expectNoAxeViolations(page);

  await periods.getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/\?period=7d$/);
  expect(await campaignRow(page, ids.a)).toEqual(["8", "4", "50%", "1:01 min", "25%", "12.5%"]);
  expect(await campaignRow(page, ids.b)).toEqual(["4", "2", "66.7%", "1:05 min", "0%", "0%"]);
  expect(await campaignRow(page, ids.c)).toEqual(["3", "1", "50%", "1:30 min", "0%", "50%"]);
  await expect(page.getByTestId("chart-timeline")).toContainText("By day");

  await periods.getByRole("link", { name: "30 days" }).click();
  await expect(page).toHaveURL(/\?period=30d$/);
  expect((await campaignRow(page, ids.a))[0]).toBe("8");
  expect((await campaignRow(page, ids.b))[0]).toBe("5");
  expect((await campaignRow(page, ids.c))[0]).toBe("4");
  await expect(page.getByTestId("chart-timeline").locator("svg.recharts-surface[role=application]")).toBeVisible();

  for (const locale of ["en", "ru"]) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
    await page.goto("/");
    await expect(page.getByTestId("chart-timeline").locator("svg.recharts-surface[role=application]")).toBeVisible();
    await page.screenshot({ path: `test-results/overview-1280-${locale}.png`, fullPage: true });
  }
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.context().close();
});

test("two campaigns of different providers are picked with the keyboard and compared side by side; the address can be shared", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await page.getByRole("link", { name: "Compare campaigns" }).click();
  await expect(page.getByRole("heading", { name: "Compare campaigns", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Compare" })).toBeDisabled();

  const search = page.getByLabel("Find a campaign");
  await search.fill(A);
  await page.getByRole("button", { name: `Add ${A}` }).press("Enter");
  await search.fill(B);
  await page.getByRole("button", { name: `Add ${B}` }).press("Enter");
  await expect(page.getByTestId("campaign-chosen").getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: "Compare" }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`/campaigns/compare\\?ids=${ids.a},${ids.b}$`));

  const columns = page.getByTestId("compare-column");
  await expect(columns).toHaveCount(2);
  await expect(columns.nth(0)).toContainText(A);
  await expect(columns.nth(0)).toContainText("Calldron");
  await expect(columns.nth(1)).toContainText(B);
  await expect(columns.nth(1)).toContainText("Calldog");
  const cells = async (row: string) => (await page.getByTestId(`compare-${row}`).locator("td").allTextContents()).map((s) => s.trim());
  expect(await cells("calls")).toEqual(["9", "5"]);
  expect(await cells("answered")).toEqual(["5", "2"]);
  expect(await cells("answerRate")).toEqual(["55.6%", "50%"]);
  expect(await cells("avgTalk")).toEqual(["4:09 min", "1:05 min"]);
  expect(await cells("busyRate")).toEqual(["22.2%", "25%"]);
  expect(await cells("failedRate")).toEqual(["11.1%", "0%"]);
  expect(await cells("ivr-1")).toEqual(["50% (2)", "100% (2)"]);
  expect(await cells("ivr-3")).toEqual(["25% (1)", "0% (0)"]);
  await expect(page.getByTestId("chart-compare").locator("svg.recharts-surface[role=application]")).toBeVisible();
  await expectNoAxeViolations(page);

  // The same address in a fresh page shows the same comparison; an unknown id is reported, not fatal.
  const shared = await pageAs(browser, "admin");
  await shared.goto(`/campaigns/compare?ids=${ids.c},${ids.b},00000000-0000-4000-8000-000000000000`);
  await expect(shared.getByTestId("compare-column")).toHaveCount(2);
  await expect(shared.getByTestId("compare-column").nth(0)).toContainText(C);
  await expect(shared.getByText("1 campaign in the address was not found.")).toBeVisible();
  await shared.context().close();

  for (const locale of ["en", "ru"]) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: page.url() }]);
    await page.reload();
    await expect(page.getByTestId("chart-compare").locator("svg.recharts-surface[role=application]")).toBeVisible();
    await page.screenshot({ path: `test-results/compare-1280-${locale}.png`, fullPage: true });
  }
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.context().close();
});
