import { expect, type Page, test } from "@playwright/test";
import { formatPhone } from "@/lib/phone-format";
import { CalldogWizard } from "./pages/calldog-wizard";
import { addWebhookParameters } from "./pages/ivr-builder";
import { ensureConnection, pageAs, SIM_URL, simRequestLog , needsSimulators, SIM } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

test.describe.configure({ mode: "serial" });

// This run's numbers share a random prefix, so that nothing another spec (or run) did collides with them.
const prefix = `9${String(Math.floor(1000 + Math.random() * 9000))}`;
const number = (i: number) => `+7${prefix}${String(i).padStart(5, "0")}`;
const calldogForm = (e164: string) => e164.slice(1);

async function setFaults(settings: Record<string, unknown> | null) {
  await fetch(`${SIM_URL}/_sim/faults/calldog`, {
    method: settings ? "PUT" : "DELETE",
    headers: { "content-type": "application/json" },
    body: settings ? JSON.stringify(settings) : undefined,
  });
}

/** Every number the simulator created a call for, as often as it did. */
async function createdNumbers(): Promise<string[]> {
  const log = await simRequestLog("calldog");
  return log.filter((e) => e.method === "POST" && e.path === "/apiCalls/create" && e.status === 200).flatMap((e) => (e.phone ?? "").split(",").filter(Boolean));
}

/** Moscow wall-clock time `ms` from now, as a datetime-local input takes it. */
function moscowLocal(ms: number): string {
  return new Date(Date.now() + ms + 3 * 3_600_000).toISOString().slice(0, 16);
}

async function openWizard(page: Page, name: string) {
  await new CalldogWizard(page).open(name);
}

async function next(page: Page) {
  await new CalldogWizard(page).next();
}

test.afterEach(async () => {
  await setFaults(null);
});

test("a manager builds a 50-number campaign with the issue's menu, bad input refused with nothing sent, and launches it once, a minute ahead", SIM, async ({ browser, baseURL }) => {
  test.setTimeout(420_000);
  await ensureConnection(browser, "calldog");
  const page = await pageAs(browser, "manager");
  await page.setViewportSize({ width: 1280, height: 900 });
  // A number on the do-not-call list is held back from the start.
  await page.goto("/dnc");
  await page.getByLabel("Numbers", { exact: true }).fill(number(99));
  await page.getByLabel("Reason", { exact: true }).fill(`campaign e2e ${prefix}`);
  await page.getByRole("button", { name: "Add to the list" }).click();
  await expect(page.getByTestId("dnc-added")).toHaveText("1 number added.");
  await fetch(`${SIM_URL}/_sim/log/calldog`, { method: "DELETE" });

  await openWizard(page, `Spring reminder ${prefix}`);
  const numbers = Array.from({ length: 50 }, (_, i) => number(i + 1));
  const pasted = [...numbers.map((n, i) => (i % 2 ? n : `8${n.slice(2)}`)), number(7), number(99), "12345"].join("\n");
  await page.getByLabel("Pasted numbers").check();
  await page.getByLabel("Numbers", { exact: true }).fill(pasted);
  await next(page);
  await expect(page.getByRole("heading", { name: "Caller id" })).toBeVisible();
  await page.getByRole("button", { name: "1. Recipients" }).click();
  const summary = page.getByTestId("recipients-summary");
  await expect(summary).toContainText("50 numbers will be called; held back: 1 invalid, 1 on the do-not-call list; 1 repeated.");
  await expect(summary.getByTestId("held-invalid")).toContainText("12345");
  await expect(summary.getByTestId("held-dnc")).toContainText(formatPhone(number(99)));
  await next(page);

  await page.getByLabel("Caller id", { exact: true }).selectOption({ label: formatPhone("+74951234567") });
  await next(page);

  await page.getByLabel("Text read by a voice").check();
  await page.getByLabel("Text", { exact: true }).fill("Здравствуйте! Напоминаем о визите в клинику завтра.");
  await page.getByLabel("Voice", { exact: true }).selectOption("male");
  await expect(page.getByText("Text-to-speech costs 0.40 ₽ a generation")).toBeVisible();
  await next(page);

  // The menu: 1 → transfer, 2 → blacklist + SMS, 3 → webhook with parameters, no key → stay on the line.
  await expect(page.getByRole("heading", { name: "IVR menu" })).toBeVisible();
  const addKey = page.getByRole("button", { name: "Add a key" });
  await addKey.click();
  const key1 = page.getByTestId("ivr-handler-1");
  await key1.getByLabel("Transfer to a manager").check();
  await key1.getByLabel("Manager’s phone").fill("8 916 123-45-67");
  await addKey.click();
  const key2 = page.getByTestId("ivr-handler-2");
  await key2.getByLabel("Add to the blacklist").check();
  await key2.getByLabel("Send an SMS").check();
  await key2.getByLabel("SMS text").fill("x".repeat(71));
  await expect(key2.getByTestId("sms-counter")).toHaveText("71 of 70 characters");
  await addKey.click();
  const key3 = page.getByTestId("ivr-handler-3");
  await key3.getByLabel("Call a webhook").check();
  await key3.getByLabel("Webhook URL").fill("https://crm.example.com/hook");
  await addWebhookParameters(key3, [
    ["campaign", "spring"],
    ["source", "ivr"],
  ]);
  await addKey.click();
  await page.getByTestId("ivr-handler-4").getByLabel("Key pressed").selectOption("");

  // An SMS of 71 characters is refused: the step does not pass, nothing reaches Calldog.
  await next(page);
  await expect(page.getByText("The IVR menu has problems; fix them first.")).toBeVisible();
  await key2.getByLabel("SMS text").fill("Вы отписаны от звонков.");
  // A digit used twice is refused too.
  await key3.getByLabel("Key pressed").selectOption("1");
  await expect(key3.getByText(/already used/)).toBeVisible();
  await next(page);
  await expect(page.getByText("The IVR menu has problems; fix them first.")).toBeVisible();
  await key3.getByLabel("Key pressed").selectOption("3");
  await next(page);

  await expect(page.getByRole("heading", { name: "When" })).toBeVisible();
  await page.getByLabel("At a date and time").check();
  await page.getByLabel("Date and time", { exact: true }).fill(moscowLocal(150_000));
  await page.getByLabel("Time zone", { exact: true }).selectOption("Europe/Moscow");
  await page.getByLabel("Record the calls").check();
  await next(page);

  const review = page.getByTestId("campaign-review");
  await expect(review).toBeVisible();
  await expect(review).toContainText("50 numbers will be called");
  await expect(review).toContainText(formatPhone("+74951234567"));
  await expect(review).toContainText("Male voice, ru-RU");
  await expect(review).toContainText("Text-to-speech: 0.40 ₽");
  const tree = review.getByTestId("ivr-menu-tree");
  await expect(tree).toContainText(`Transfer to ${formatPhone("+79161234567")}`);
  await expect(tree).toContainText("Send the SMS “Вы отписаны от звонков.”");
  await expect(tree).toContainText("Add the number to the blacklist");
  await expect(tree).toContainText('Call https://crm.example.com/hook with {"campaign":"spring","source":"ivr"}');
  await expect(tree).toContainText("Stay on the line");
  await expect(review).toContainText("(Europe/Moscow)");
  await expect(review).toContainText("The calls are recorded");
  expect(await createdNumbers()).toEqual([]);

  // The draft survives a reload, at the review.
  await page.reload();
  await expect(page.getByTestId("campaign-review")).toContainText("50 numbers will be called");
  await page.screenshot({ path: "test-results/calldog-review-en.png", fullPage: true });

  await page.getByRole("button", { name: "Launch…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("will create 50 calls at Calldog");
  // A double click launches once.
  await dialog.getByRole("button", { name: "Launch 50 calls" }).dblclick();
  await expect(page).toHaveURL(/\/campaigns\/calldog\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const campaignId = page.url().split("/").at(-1) as string;

  await page.goto(`/campaigns/calldog/${campaignId}/launch`);
  await expect(page.getByText("Every number went out to Calldog.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("launch-held-back")).toContainText("Held back at launch by the do-not-call list (1)");
  await page.screenshot({ path: "test-results/calldog-launch-en.png", fullPage: true });
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "ru", url: baseURL }]);
  await page.reload();
  await expect(page.getByText("Все номера отправлены в Calldog.")).toBeVisible();
  await page.screenshot({ path: "test-results/calldog-launch-ru.png", fullPage: true });
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL }]);

  const created = await createdNumbers();
  expect(created.filter((p) => p === calldogForm(number(99)))).toEqual([]);
  const counts = new Map<string, number>();
  for (const p of created) counts.set(p, (counts.get(p) ?? 0) + 1);
  expect(numbers.filter((n) => counts.get(calldogForm(n)) !== 1)).toEqual([]);
  expect(created).toHaveLength(50);
  const creates = (await simRequestLog("calldog")).filter((e) => e.path === "/apiCalls/create");
  expect(creates.every((e) => (e.bodyShape as Record<string, unknown>).plannedAt === "number")).toBe(true);
  await page.context().close();
});

test("a fault during launch names the numbers that did not go out, and 'retry just these' sends only them, once", SIM, async ({ browser }) => {
  test.setTimeout(180_000);
  await ensureConnection(browser, "calldog");
  const page = await pageAs(browser, "manager");
  await fetch(`${SIM_URL}/_sim/log/calldog`, { method: "DELETE" });
  const numbers = Array.from({ length: 5 }, (_, i) => number(200 + i));
  await openWizard(page, `Fault ${prefix}`);
  await page.getByLabel("Pasted numbers").check();
  await page.getByLabel("Numbers", { exact: true }).fill(numbers.join(", "));
  await next(page);
  await next(page); // a random duty number
  await page.getByLabel("Text read by a voice").check();
  await page.getByLabel("Text", { exact: true }).fill("Проверка связи.");
  await next(page);
  await expect(page.getByRole("heading", { name: "IVR menu" })).toBeVisible();
  await next(page); // no menu
  await next(page); // now
  await expect(page.getByTestId("campaign-review")).toContainText("5 numbers will be called");

  await setFaults({ errorRate: 1, errorStatuses: [422], match: "apiCalls/create" });
  await page.getByRole("button", { name: "Launch…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Launch 5 calls" }).click();
  await expect(page).toHaveURL(/\/campaigns\/calldog\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const campaignId = page.url().split("/").at(-1) as string;
  await page.goto(`/campaigns/calldog/${campaignId}/launch`);
  const failed = page.getByTestId("launch-failed");
  await expect(failed).toContainText("5 numbers did not go out", { timeout: 60_000 });
  for (const n of numbers) await expect(failed).toContainText(formatPhone(n));
  expect(await createdNumbers()).toEqual([]);

  await setFaults(null);
  await failed.getByRole("button", { name: "Retry just these (5)" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Retry just these (5)" }).click();
  await expect(page.getByText("Every number went out to Calldog.")).toBeVisible({ timeout: 60_000 });
  expect((await createdNumbers()).sort()).toEqual(numbers.map(calldogForm).sort());
  await page.context().close();
});
