import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { AGAINST_DEPLOYMENT, ensureConnection, pageAs, SIM, SIM_NOTICE, settleAnimations } from "./support";

test.describe.configure({ mode: "serial" });

test("an admin sets the calling window and the launch limit; bad values are refused next to their fields", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/settings/dialing");
  await expect(page.getByRole("heading", { name: "Dialing policy" })).toBeVisible();
  await expect(page.getByLabel("From")).toHaveValue(/^09:00/);
  await expect(page.getByLabel("Until")).toHaveValue(/^20:00/);
  await expect(page.getByLabel("Numbers per launch a manager may start alone")).toHaveValue("5000");

  await page.getByLabel("Until").fill("09:00");
  await page.getByLabel("Numbers per launch a manager may start alone").fill("0");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("The window must not open and close at the same time.")).toBeVisible();
  await expect(page.getByText("Enter a whole number from 1 to 1,000,000.")).toBeVisible();

  await page.getByLabel("From").fill("10:00");
  await page.getByLabel("Until").fill("19:30");
  await page.getByLabel("Numbers per launch a manager may start alone").fill("2000");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Policy saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("From")).toHaveValue(/^10:00/);
  await expect(page.getByLabel("Numbers per launch a manager may start alone")).toHaveValue("2000");
  await expect(page.getByTestId("policy-changed")).toContainText("Last changed");
  await settleAnimations(page);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: "Dialing policy changed" }).first()).toBeVisible();

  // Back to the defaults, which the other specs dial within.
  await page.goto("/settings/dialing");
  await page.getByLabel("From").fill("09:00");
  await page.getByLabel("Until").fill("20:00");
  await page.getByLabel("Numbers per launch a manager may start alone").fill("5000");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Policy saved.")).toBeVisible();
});

test("a manager cannot open the dialing policy, and keeps a number for test calls on the profile", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  const denied = await page.goto("/settings/dialing");
  expect(denied?.status()).toBe(403);

  await page.goto("/profile");
  const phone = page.getByLabel("Phone number");
  await phone.fill("12345");
  await page.getByRole("button", { name: "Save number" }).click();
  await expect(page.getByText("This is not a valid phone number.")).toBeVisible();
  await phone.fill("8 (999) 123-45-67");
  await page.getByRole("button", { name: "Save number" }).click();
  await expect(page.getByText("Number saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Phone number")).toHaveValue("+7 999 123 45 67");
});

test("a new Calldron batch starts with the organisation's window, and a wider one is refused", SIM, async ({ browser }) => {
  test.skip(AGAINST_DEPLOYMENT, SIM_NOTICE);
  await ensureConnection(browser, "calldron");
  const page = await pageAs(browser, "manager");
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "New batch" }).first().click();
  await expect(page.getByLabel("Calling window from")).toHaveValue(/^09:00/);
  await expect(page.getByLabel("to", { exact: true })).toHaveValue(/^20:00/);
  await page.getByLabel("Name", { exact: true }).fill(`E2E late batch ${Date.now()}`);
  await page.getByLabel("to", { exact: true }).fill("22:00");
  await page.getByRole("button", { name: "Create batch" }).click();
  await expect(page.getByText("The calling window must lie within the organisation's window, 09:00–20:00.")).toBeVisible();
  await expect(page.getByText("Within the organisation's window only.").first()).toBeVisible();
  await expect(page.getByLabel("to", { exact: true })).toHaveValue(/^22:00/);
});
