import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { isOpenAt, nextOpening } from "@/lib/dialing/calling-window";
import { formatPhone } from "@/lib/phone-format";
import { CalldogWizard } from "./pages/calldog-wizard";
import { ensureConnection, pageAs, SIM, SIM_URL, settleAnimations, simRequestLog } from "./support";

test.describe.configure({ mode: "serial" });

const prefix = `9${String(Math.floor(1000 + Math.random() * 9000))}`;
const number = (i: number) => `+7${prefix}${String(i).padStart(5, "0")}`;
const TEST_PHONE = "+79991234567";

/** The hour on Moscow's wall clock `ms` from now. */
function moscowHour(ms = 0): number {
  return hourIn("Europe/Moscow", ms);
}
/** The hour on the wall clock of `timeZone` `ms` from now. */
function hourIn(timeZone: string, ms = 0): number {
  return Number(new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).format(new Date(Date.now() + ms)));
}
async function seriousViolations(page: Page): Promise<string[]> {
  await settleAnimations(page);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;

/** The admin sets the organisation's window and the managers' limit on the Dialing policy page. */
async function setPolicy(admin: Page, { from, to, limit }: { from: string; to: string; limit: number }) {
  await admin.goto("/settings/dialing");
  await admin.getByLabel("From").fill(from);
  await admin.getByLabel("Until").fill(to);
  await admin.getByLabel("Numbers per launch a manager may start alone").fill(String(limit));
  await admin.getByRole("button", { name: "Save policy" }).click();
  await expect(admin.getByText("Policy saved.")).toBeVisible();
}

async function wizardToReview(page: Page, name: string, phones: string[], at?: string) {
  await page.goto("/campaigns");
  await page.getByRole("link", { name: /^New campaign( on Calldog main)?$/ }).click();
  await page.getByLabel("Campaign name").fill(name);
  await page.getByLabel("Pasted numbers").check();
  await page.getByLabel("Numbers", { exact: true }).fill(phones.join("\n"));
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click(); // a random duty number
  await page.getByLabel("Text read by a voice").check();
  await page.getByLabel("Text", { exact: true }).fill("Проверка окна звонков.");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "IVR menu" })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click(); // no menu
  if (at) {
    await page.getByLabel("At a date and time").check();
    await page.getByLabel("Date and time", { exact: true }).fill(at);
    await page.getByLabel("Time zone", { exact: true }).selectOption("Europe/Moscow");
  }
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("campaign-review")).toBeVisible();
}

test.afterAll(async ({ browser }) => {
  // Back to the defaults, which the other specs dial within.
  const admin = await pageAs(browser, "admin");
  await setPolicy(admin, { from: "09:00", to: "20:00", limit: 5000 });
  await admin.context().close();
});

test("a Calldog launch: moved into the window, a test call to my number, the facts before the click, and an admin's approval above the limit", async ({ browser }) => {
  test.setTimeout(360_000);
  await ensureConnection(browser, "calldog");
  const admin = await pageAs(browser, "admin");
  // Open now (whenever this runs), so that the test call may go; the limit low, so that 3 numbers need approval.
  await setPolicy(admin, { from: hh(moscowHour() - 1), to: hh(moscowHour() + 3), limit: 2 });

  const page = await pageAs(browser, "manager");
  await page.goto("/profile");
  await page.getByLabel("Phone number").fill("");
  await page.getByRole("button", { name: "Save number" }).click();
  await expect(page.getByText("Number removed.")).toBeVisible();

  // A start six hours after this hour tomorrow is outside the window: moved to its next opening.
  const later = new Date(Date.now() + 30 * 3_600_000 + 3 * 3_600_000).toISOString().slice(0, 13);
  const phones = [number(1), number(2), number(3)];
  await wizardToReview(page, `Window ${prefix}`, [...phones, "12345", number(1)], `${later}:00`);
  const review = page.getByTestId("campaign-review");
  await expect(review.getByTestId("review-when")).toContainText("moved into the calling window");

  // Without a number in the profile: a link to it. With one: the test call goes, and the review says so.
  const testCall = review.getByTestId("test-call");
  await expect(testCall).toContainText("Add your number for test calls in your profile");
  await expect(testCall.getByRole("link", { name: "Open the profile" })).toHaveAttribute("href", "/profile");
  const wizard = page.url();
  await page.goto("/profile");
  await page.getByLabel("Phone number").fill(TEST_PHONE);
  await page.getByRole("button", { name: "Save number" }).click();
  await expect(page.getByText("Number saved.")).toBeVisible();
  await page.goto(wizard);
  await fetch(`${SIM_URL}/_sim/log/calldog`, { method: "DELETE" });
  await expect(testCall).toContainText("No test call made yet.");
  await testCall.getByRole("button", { name: `Test call to my number (${formatPhone(TEST_PHONE)})` }).click();
  await expect(testCall).toContainText(`Test call to ${formatPhone(TEST_PHONE)} made`);
  const created = (await simRequestLog("calldog")).filter((e) => e.path === "/apiCalls/create" && e.status === 200);
  expect(created.map((e) => e.phone)).toEqual([TEST_PHONE.slice(1)]);
  await page.reload();
  await expect(testCall).toContainText(`Test call to ${formatPhone(TEST_PHONE)} made`);

  // The confirmation: numbers to dial, held back, window, provider, connection; above the limit it asks an admin.
  await review.getByRole("button", { name: "Launch…" }).click();
  const dialog = page.getByRole("dialog");
  const facts = dialog.getByTestId("launch-facts");
  await expect(facts).toContainText("Numbers to dial3");
  await expect(facts).toContainText("0 on the do-not-call list, 1 invalid, 1 repeated");
  await expect(facts).toContainText(`${hh(moscowHour() - 1)}–${hh(moscowHour() + 3)} (Europe/Moscow)`);
  await expect(facts).toContainText("moved into the calling window");
  await expect(facts).toContainText("ProviderCalldog");
  await expect(facts).toContainText("ConnectionCalldog main");
  await expect(dialog).toContainText("an administrator must approve it");
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Ask an administrator to approve" }).click();
  await expect(review).toContainText("Waiting for an administrator's approval (3 numbers)");
  await expect(review.getByRole("button", { name: "Launch…" })).toBeDisabled();

  // The admin sees it counted in the menu, approves it, and that starts the launch as the manager's.
  await admin.goto("/settings/approvals");
  await expect(admin.getByTestId("nav-approvals")).toBeVisible();
  const row = admin.getByTestId("approval-row").filter({ hasText: `Window ${prefix}` });
  await expect(row).toContainText("manager@e2e.test");
  await expect(row).toContainText("3");
  // Asked when: the date in words, as on the other pages ("Nov 28, 2026"), not 11/28/26.
  await expect(row).toContainText(/[A-Z][a-z]{2} \d{1,2}, \d{4}/);
  expect(await seriousViolations(admin)).toEqual([]);
  await row.getByRole("button", { name: `Approve and start: Window ${prefix}` }).click();
  await expect(admin.getByText("Approved: the launch has started.")).toBeVisible();
  await expect(admin.getByTestId("approval-row").filter({ hasText: `Window ${prefix}` })).toHaveCount(0);
  await admin.goto("/settings/audit");
  await expect(admin.getByRole("cell", { name: "Launch approved" }).first()).toBeVisible();
  await expect(admin.getByRole("cell", { name: "Calldog test call" }).first()).toBeVisible();
  // The launch names its campaign (not its id), a link to the campaign's page.
  const launched = admin.getByRole("row").filter({ hasText: "Calldog campaign launched" }).filter({ hasText: `Window ${prefix}` }).first();
  await expect(launched.getByRole("link", { name: `Window ${prefix}` })).toHaveAttribute("href", /^\/campaigns\/calldog\/[0-9a-f-]{36}$/);
  await launched.getByRole("link", { name: `Window ${prefix}` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `Window ${prefix}` })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/campaigns\/calldog\/[0-9a-f-]{36}$/);
  await expect
    .poll(async () => (await simRequestLog("calldog")).filter((e) => e.path === "/apiCalls/create" && e.status === 200).flatMap((e) => (e.phone ?? "").split(",")).length, {
      timeout: 60_000,
    })
    .toBe(4);
  await page.context().close();
  await admin.context().close();
});

test("a Calldog campaign's own zone and window: refused outside the organisation's, 'now' moved into it, said by the review and the campaign page, and the simulator asked for a start inside it", SIM, async ({ browser }) => {
  test.setTimeout(240_000);
  await ensureConnection(browser, "calldog");
  const zone = "Asia/Yekaterinburg";
  const h = hourIn(zone);
  // The organisation's window is open now (read in the campaign's zone); the campaign's own opens two hours from now.
  const admin = await pageAs(browser, "admin");
  await setPolicy(admin, { from: hh(h - 1), to: hh(h + 4), limit: 5000 });
  await admin.context().close();
  const own = { from: hh(h + 2), to: hh(h + 3) };

  const page = await pageAs(browser, "manager");
  const wizard = new CalldogWizard(page);
  const phones = [number(3001), number(3002), number(3003)];
  await wizard.open(`Own window ${prefix}`);
  await wizard.pasteNumbers(phones);
  await wizard.next();
  await wizard.expectStep("Caller id");
  await wizard.next(); // a random duty number
  await page.getByLabel("Text read by a voice").check();
  await page.getByLabel("Text", { exact: true }).fill("Проверка окна кампании.");
  await wizard.next();
  await wizard.expectStep("IVR menu");
  await wizard.next(); // no menu

  // The zone and the window are offered for "now" too: the window defaults to the organisation's.
  await wizard.expectStep("When");
  await expect(page.getByLabel("Call from")).toHaveValue(hh(h - 1));
  await expect(page.getByLabel("Call until")).toHaveValue(hh(h + 4));
  await expect(page.getByText(`It must lie within the organisation's window, ${hh(h - 1)}–${hh(h + 4)}.`)).toBeVisible();
  // Wider than the organisation's: refused, both times marked.
  await wizard.schedule({ timeZone: zone, from: hh(h - 2), to: own.to });
  await wizard.next();
  await expect(page.getByText(`The calling window must lie within the organisation's window, ${hh(h - 1)}–${hh(h + 4)}.`)).toBeVisible();
  await expect(page.getByLabel("Call from")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Call until")).toHaveAttribute("aria-invalid", "true");
  await wizard.schedule({ timeZone: zone, from: own.from, to: own.to });
  await wizard.next();

  // The review: the start moved to the window's opening, in the campaign's zone, and the window with its zone.
  const review = page.getByTestId("campaign-review");
  await expect(review.getByTestId("review-when")).toContainText(`(${zone}), moved into the calling window`);
  await expect(review.getByTestId("review-window")).toHaveText(`${own.from}–${own.to} (${zone})`);
  await fetch(`${SIM_URL}/_sim/log/calldog`, { method: "DELETE" });
  await review.getByRole("button", { name: "Launch…" }).click();
  const facts = page.getByRole("dialog").getByTestId("launch-facts");
  await expect(facts).toContainText(`${own.from}–${own.to} (${zone})`);
  await page.getByRole("dialog").getByRole("button", { name: "Launch 3 calls" }).click();
  await expect(page).toHaveURL(/\/campaigns\/calldog\/[0-9a-f-]{36}$/, { timeout: 60_000 });

  // The campaign page: the planned start with its zone, moved; no "Live" while every call waits for it.
  await expect(page.getByTestId("campaign-planned")).toContainText(`(${zone}), moved into the calling window`);
  await expect(page.getByTestId("campaign-window")).toHaveText(`${own.from}–${own.to} (${zone})`);
  const state = page.getByTestId("live-state");
  await expect(state).toHaveAttribute("data-waiting", "true", { timeout: 60_000 });
  await expect(state).toContainText("Waiting: the calls are queued at Calldog to start");
  await expect(state).toContainText(`(${zone})`);
  await expect(state).not.toContainText("Live");

  // What Calldog was asked: every number once, planned at the campaign's window's opening, inside it on its clock.
  const creates = (await simRequestLog("calldog")).filter((e) => e.path === "/apiCalls/create" && e.status === 200);
  expect(creates.flatMap((e) => (e.phone ?? "").split(",")).sort()).toEqual(phones.map((p) => p.slice(1)).sort());
  const opening = Math.floor(nextOpening({ ...own, timeZone: zone }, new Date()).getTime() / 1000);
  for (const e of creates) {
    expect(e.plannedAt).toBe(opening);
    expect(isOpenAt({ ...own, timeZone: zone }, new Date((e.plannedAt ?? 0) * 1000))).toBe(true);
  }
  await page.context().close();
});

test("over 1,000 numbers the count must be typed before the launch button works", async ({ browser }) => {
  test.setTimeout(270_000);
  await ensureConnection(browser, "calldog");
  const admin = await pageAs(browser, "admin");
  await setPolicy(admin, { from: "09:00", to: "20:00", limit: 5000 });
  await admin.context().close();
  const page = await pageAs(browser, "manager");
  const phones = Array.from({ length: 1001 }, (_, i) => number(1000 + i));
  const later = new Date(Date.now() + 26 * 3_600_000 + 3 * 3_600_000).toISOString().slice(0, 13);
  await wizardToReview(page, `Typed ${prefix}`, phones, `${later}:00`);
  await page.getByTestId("campaign-review").getByRole("button", { name: "Launch…" }).click();
  const dialog = page.getByRole("dialog");
  const launch = dialog.getByRole("button", { name: "Launch 1,001 calls" });
  await expect(launch).toBeDisabled();
  await dialog.getByLabel("Type the number of numbers to dial, 1,001, to confirm").fill("1000");
  await expect(launch).toBeDisabled();
  await dialog.getByLabel("Type the number of numbers to dial, 1,001, to confirm").fill("1001");
  await launch.click();
  await expect(page).toHaveURL(/\/campaigns\/calldog\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await page.context().close();
});

test("a manager's run of a list above the limit goes to an admin, who rejects it with a reason the manager reads", async ({ browser }) => {
  test.setTimeout(180_000);
  await ensureConnection(browser, "calldron");
  const admin = await pageAs(browser, "admin");
  await setPolicy(admin, { from: "09:00", to: "20:00", limit: 2 });
  const page = await pageAs(browser, "manager");
  await page.goto("/campaigns");
  const href = await page.getByRole("link", { name: "Акция выходного дня", exact: true }).first().getAttribute("href");
  await page.goto(`${href}/run`);
  await page.getByLabel("Contact list").selectOption({ label: "Тестовый список" });
  await page.getByRole("button", { name: "Run list…" }).click();
  const dialog = page.getByRole("dialog");
  const facts = dialog.getByTestId("launch-facts");
  await expect(facts).toContainText("Numbers to dial5");
  await expect(facts).toContainText("0 on the do-not-call list, 0 invalid, 0 repeated");
  await expect(facts).toContainText("ProviderCalldron");
  await expect(facts).toContainText("ConnectionCalldron main");
  await dialog.getByRole("button", { name: "Ask an administrator to approve" }).click();
  await expect(dialog).toContainText("Waiting for an administrator's approval (5 numbers)");
  await dialog.getByRole("button", { name: "Close" }).click();

  await admin.goto("/settings/approvals");
  const row = admin.getByTestId("approval-row").filter({ hasText: "Тестовый список → Акция выходного дня" });
  await row.getByRole("button", { name: /^Reject…/ }).click();
  await admin.getByRole("dialog").getByLabel("Reason (the manager reads it)").fill("Too many for a Friday.");
  await admin.getByRole("dialog").getByRole("button", { name: "Reject", exact: true }).click();
  await expect(admin.getByText("Rejected.")).toBeVisible();

  await page.getByRole("button", { name: "Run list…" }).click();
  await expect(page.getByRole("dialog")).toContainText("An administrator rejected this launch: Too many for a Friday.");

  // Asked again and approved: the run starts as the manager's own.
  await page.getByRole("dialog").getByRole("button", { name: "Ask an administrator to approve" }).click();
  await expect(page.getByRole("dialog")).toContainText("Waiting for an administrator's approval (5 numbers)");
  await admin.goto("/settings/approvals");
  await admin
    .getByTestId("approval-row")
    .filter({ hasText: "Тестовый список → Акция выходного дня" })
    .getByRole("button", { name: /^Approve and start/ })
    .click();
  await expect(admin.getByText("Approved: the launch has started.")).toBeVisible();
  await admin.goto("/settings/audit");
  const run = admin.getByRole("row").filter({ hasText: "List run through a batch started" }).filter({ hasText: "manager@e2e.test" }).first();
  await expect(run).toBeVisible();
  // The run names its list and batch (not the task's id), each a link to its page.
  await expect(run.getByRole("cell", { name: "Тестовый список → Акция выходного дня" })).toBeVisible();
  await expect(run.getByRole("link", { name: "Тестовый список" })).toHaveAttribute("href", /^\/lists\/calldron\/[0-9a-f-]{36}\/\d+$/);
  await expect(run.getByRole("link", { name: "Акция выходного дня" })).toHaveAttribute("href", /^\/campaigns\/calldron\/[0-9a-f-]{36}\/\d+$/);
  await expect(admin.getByRole("row").filter({ hasText: "Launch rejected" }).first()).toBeVisible();
  await page.context().close();
  await admin.context().close();
});
