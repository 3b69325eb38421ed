import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { formatPhone } from "@/lib/phone-format";
import { ensureConnection, needsSimulators, pageAs, SIM, SIM_URL, settleAnimations, simRequestLog } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

test.describe.configure({ mode: "serial" });

/** Moves the focus with Tab only, as a keyboard user does, until `target` has it. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

async function setFaults(settings: Record<string, unknown> | null) {
  await fetch(`${SIM_URL}/_sim/faults/calldog`, {
    method: settings ? "PUT" : "DELETE",
    headers: { "content-type": "application/json" },
    body: settings ? JSON.stringify(settings) : undefined,
  });
}

test.afterEach(async () => {
  await setFaults(null);
});

test("a manager builds the issue's IVR menu with the keyboard only, sees problems flagged, saves it as a template and loads it", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/campaigns/calldog/menus");
  await expect(page.getByRole("heading", { name: "IVR menus" })).toBeVisible();
  await expect(page.getByTestId("ivr-menus-empty")).toBeVisible();
  await page.goto("/campaigns/calldog/menus/new");
  await expect(page.getByText("No keys yet.")).toBeVisible();

  await tabTo(page, page.getByLabel("Template name"));
  await page.keyboard.type("Issue menu");
  const addKey = page.getByRole("button", { name: "Add a key" });

  // 1 → transfer to a manager, typed the Russian way.
  await tabTo(page, addKey);
  await page.keyboard.press("Enter");
  const key1 = page.getByTestId("ivr-handler-1");
  await expect(key1.getByLabel("Key pressed")).toBeFocused();
  await expect(key1.getByLabel("Key pressed")).toHaveValue("1");
  await expect(key1.getByText("Choose at least one action for this key.")).toBeVisible();
  await tabTo(page, key1.getByLabel("Transfer to a manager"));
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(key1.getByLabel("Manager’s phone")).toBeFocused();
  await page.keyboard.type("8 916 123-45-67");

  // 2 → SMS (71 characters are refused in place, with the counter) + blacklist.
  await tabTo(page, addKey);
  await page.keyboard.press("Enter");
  const key2 = page.getByTestId("ivr-handler-2");
  await expect(key2.getByLabel("Key pressed")).toBeFocused();
  await tabTo(page, key2.getByLabel("Send an SMS"));
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(key2.getByLabel("SMS text")).toBeFocused();
  await page.keyboard.type("x".repeat(71));
  await expect(key2.getByTestId("sms-counter")).toHaveText("71 of 70 characters");
  await expect(key2.getByText("The SMS has 71 characters; at most 70 are allowed.")).toBeVisible();
  await expect(key2.getByLabel("SMS text")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("1 key needs attention before the menu can be saved or launched.")).toBeVisible();

  // Saving is refused in the form while a problem remains.
  await tabTo(page, page.getByRole("button", { name: "Save", exact: true }).last());
  await page.keyboard.press("Enter");
  await expect(page.getByText("Fix the problems shown next to the keys before saving.")).toBeVisible();
  await expect(page).toHaveURL(/\/menus\/new$/);

  await tabTo(page, key2.getByLabel("SMS text"));
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Вы отписаны от звонков.");
  await expect(key2.getByTestId("sms-counter")).toHaveText("23 of 70 characters");
  await expect(key2.getByText(/The SMS has/)).toHaveCount(0);
  await tabTo(page, key2.getByLabel("Add to the blacklist"));
  await page.keyboard.press("Space");
  await expect(key2.getByLabel("Add to the blacklist")).toBeChecked();

  // 3 → webhook with parameters; on the way, the same digit twice is flagged.
  await tabTo(page, addKey);
  await page.keyboard.press("Enter");
  const key3 = page.getByTestId("ivr-handler-3");
  const key3Digit = key3.getByLabel("Key pressed");
  await expect(key3Digit).toBeFocused();
  await expect(key3Digit).toHaveValue("3");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(key3Digit).toHaveValue("1");
  await expect(key3.getByText("Key 1 is already used by handler 1. Each key may be used once.")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(key3Digit).toHaveValue("3");
  await expect(key3.getByText(/already used/)).toHaveCount(0);
  await tabTo(page, key3.getByLabel("Call a webhook"));
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(key3.getByLabel("Webhook URL")).toBeFocused();
  await page.keyboard.type("https://crm.example.com/hook");
  for (const [n, [name, value]] of [
    ["campaign", "spring"],
    ["source", "ivr"],
  ].entries()) {
    await tabTo(page, key3.getByRole("button", { name: "Add a parameter" }));
    await page.keyboard.press("Enter");
    // The new name field takes the focus in the next frame: typing before would go elsewhere (it did, under load).
    await expect(key3.getByLabel(`Parameter ${n + 1} name`)).toBeFocused();
    await page.keyboard.type(name as string);
    await page.keyboard.press("Tab");
    await page.keyboard.type(value as string);
  }
  await expect(key3.getByTestId("webhook-parameters-json")).toHaveText('{"campaign":"spring","source":"ivr"}');

  // No key → stay on the line.
  await tabTo(page, addKey);
  await page.keyboard.press("Enter");
  const key4 = page.getByTestId("ivr-handler-4");
  await expect(key4.getByLabel("Key pressed")).toBeFocused();
  await page.keyboard.press("End");
  await expect(key4.getByLabel("Key pressed")).toHaveValue("");
  await expect(key4.locator("legend").first()).toContainText("No key");

  const preview = page.getByTestId("ivr-menu-tree");
  await expect(preview).toContainText(`Transfer to ${formatPhone("+79161234567")}`);
  await expect(preview).toContainText("Send the SMS “Вы отписаны от звонков.”");
  await expect(preview).toContainText("Add the number to the blacklist");
  await expect(preview).toContainText('Call https://crm.example.com/hook with {"campaign":"spring","source":"ivr"}');
  await expect(preview).toContainText("Stay on the line");
  await expect(page.getByText(/needs? attention/)).toHaveCount(0);
  await settleAnimations(page);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);

  await tabTo(page, page.getByRole("button", { name: "Save", exact: true }).last());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/campaigns\/calldog\/menus\?saved=/);
  await expect(page.getByText("Template “Issue menu” saved.")).toBeVisible();
  const row = page.getByTestId("ivr-template-Issue menu");
  await expect(row).toContainText("Key 1");
  await expect(row).toContainText("No key");

  // Load it into a new menu, with the keyboard too.
  await page.goto("/campaigns/calldog/menus/new");
  const template = page.getByLabel("Template", { exact: true });
  await expect(template).toBeEnabled();
  await tabTo(page, template);
  await page.keyboard.press("ArrowDown");
  await expect(template.locator("option:checked")).toHaveText("Issue menu");
  await tabTo(page, page.getByRole("button", { name: "Load template" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Loaded “Issue menu”.")).toBeVisible();
  await expect(page.getByTestId("ivr-handler-4")).toBeVisible();
  await expect(page.getByTestId("ivr-handler-1").getByLabel("Manager’s phone")).toHaveValue("8 916 123-45-67");
  await expect(page.getByTestId("ivr-handler-2").getByLabel("SMS text")).toHaveValue("Вы отписаны от звонков.");
  await expect(page.getByTestId("ivr-handler-3").getByTestId("webhook-parameters-json")).toHaveText('{"campaign":"spring","source":"ivr"}');
  await page.context().close();
});

test("an admin sees the Calldog account: the simulator's balance, caller ids and languages; a failing service shows a message", SIM, async ({ browser }) => {
  await ensureConnection(browser, "calldog");
  const page = await pageAs(browser, "admin");
  await page.goto("/settings/connections");
  await page.getByTestId("connection-row-Calldog main").getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Calldog account: Calldog main" })).toBeVisible();
  // 1,500 ₽ at the start, less 0.40 ₽ for each text-to-speech record other specs made.
  await expect(page.getByTestId("calldog-balance")).toHaveText(/1,(500\.00|49\d\.\d0)/);
  await expect(page.getByText("ООО «Ромашка» (демо)")).toBeVisible();
  const phones = page.getByRole("table", { name: "Outgoing numbers (caller ids)" });
  await expect(phones).toContainText(formatPhone("+74951234567"));
  await expect(phones).toContainText(formatPhone("+78123334455"));
  await expect(phones).not.toContainText(formatPhone("+74997001122"));
  await page.getByRole("link", { name: "Show all, including unconfirmed" }).click();
  await expect(phones.getByRole("row").filter({ hasText: formatPhone("+74997001122") })).toContainText("Not confirmed");
  await expect(page.getByRole("list", { name: "Languages for text-to-speech" })).toContainText("ru-RU");

  await setFaults({ errorRate: 1, errorStatuses: [500] });
  await page.reload();
  await expect(page.getByText("Calldog reported an internal error. Try again later.")).toHaveCount(3);
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await page.context().close();
});

test("a manager verifies a number: confirmation first, the code shown, the check in the history; a hang is reported, not an error page", SIM, async ({ browser }) => {
  await ensureConnection(browser, "calldog");
  const page = await pageAs(browser, "manager");
  await fetch(`${SIM_URL}/_sim/log/calldog`, { method: "DELETE" });
  const checks = async () => (await simRequestLog("calldog")).filter((e) => e.path.includes("confirmPhone"));

  await page.goto("/calldog");
  await page.getByRole("link", { name: /Phone verification/ }).click();
  await expect(page.getByRole("heading", { name: "Phone verification" })).toBeVisible();
  await expect(page.getByTestId("verification-history-empty")).toBeVisible();
  await expect(page.getByLabel("Calldog connection")).toHaveValue(/.+/);

  // A number that is not one is refused in the form: nothing is sent.
  await page.getByLabel("Phone number").fill("12345");
  await page.getByRole("button", { name: "Send verification call" }).click();
  await expect(page.getByText("This is not a valid phone number.")).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.getByLabel("Phone number").fill("8 (916) 555-12-34");
  await expect(page.getByText(`Will call ${formatPhone("+79165551234")}`)).toBeVisible();
  await page.getByRole("button", { name: "Send verification call" }).click();
  const dialog = page.getByRole("dialog", { name: "Make a verification call?" });
  await expect(dialog).toContainText("Calldog main");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await checks()).toHaveLength(0);

  await page.getByRole("button", { name: "Send verification call" }).click();
  await dialog.getByRole("button", { name: "Call now" }).click();
  const outcome = page.getByTestId("verification-code");
  await expect(outcome).toContainText(/Code:\s*\d{4}/);
  const code = (await outcome.textContent())?.match(/Code:\s*(\d{4})/)?.[1] as string;
  const log = await checks();
  expect(log).toHaveLength(1);
  expect(log[0]?.status).toBe(200);
  const history = page.getByRole("table", { name: "History of checks" });
  await expect(history.getByRole("row").nth(1)).toContainText(code);
  await expect(history.getByRole("row").nth(1)).toContainText("Call made");
  await expect(history.getByRole("row").nth(1)).toContainText(formatPhone("+79165551234"));

  await setFaults({ hangRate: 1, match: "confirmPhone" });
  await page.getByRole("button", { name: "Send verification call" }).click();
  await dialog.getByRole("button", { name: "Call now" }).click();
  await expect(page.getByText(/Calldog did not answer in time\. The call to .* may still have been made/)).toBeVisible({ timeout: 40_000 });
  await expect(history.getByRole("row").nth(1)).toContainText("Unknown — may have called");
  // A create whose answer was lost is not sent again on its own.
  expect(await checks()).toHaveLength(2);
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await page.context().close();
});
