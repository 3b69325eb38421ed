import { expect, test } from "@playwright/test";
import { ADMIN, AGAINST_DEPLOYMENT, expectNoSeriousViolations, MANAGER_EMAIL, STATE_DIR, saveShared, signIn } from "./support";

test("against a deployment: the admin and the manager from the environment sign in", async ({ page }) => {
  test.skip(!AGAINST_DEPLOYMENT, "the local run makes its accounts in the first-run set-up below");
  const missing = ["E2E_ADMIN_EMAIL", "E2E_ADMIN_PASSWORD", "E2E_MANAGER_EMAIL", "E2E_MANAGER_PASSWORD"].filter((name) => !process.env[name]);
  expect(missing, "accounts to sign in with on the deployment (see docs/qa.md)").toEqual([]);
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByTestId("current-user").first()).toContainText("Administrator");
  await page.context().storageState({ path: `${STATE_DIR}/admin.json` });
  // pageAs signs the manager in with this password and keeps the session.
  saveShared({ managerPassword: process.env.E2E_MANAGER_PASSWORD as string });
});

test("first run: set-up creates the first admin, who signs in and creates a manager", async ({ page }) => {
  test.skip(AGAINST_DEPLOYMENT, "a deployment has its accounts already");
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "First-run set-up" })).toBeVisible();
  // The set-up form shows this once only: accessibility.spec.ts, which scans every other page, leaves it to here.
  await expectNoSeriousViolations(page, "the set-up form");

  // Bad input is refused in place, with nothing created.
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the password").fill("different");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();
  await expect(page.getByText("The password must be at least 10 characters.")).toBeVisible();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await expectNoSeriousViolations(page, "the set-up form with its errors");

  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Repeat the password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page).toHaveURL(/\/signin\?setup=done/);
  await expect(page.getByText("The administrator account was created")).toBeVisible();

  // A second set-up is refused: the page says so.
  await page.goto("/setup");
  await expect(page.getByText("Set-up is already complete")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create administrator" })).toHaveCount(0);

  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("current-user").first()).toContainText("Administrator");

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/users/);
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("E-mail").fill(MANAGER_EMAIL);
  await dialog.getByLabel("Name").fill("Max Manager");
  await dialog.getByLabel("Role").selectOption("manager");
  await dialog.getByRole("button", { name: "Create user" }).click();
  const temporary = (await dialog.getByTestId("temporary-password").textContent())?.trim() ?? "";
  expect(temporary).toMatch(/^[A-Za-z0-9]{16}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId(`user-row-${MANAGER_EMAIL}`)).toContainText("Manager");

  saveShared({ managerPassword: temporary });
  await page.context().storageState({ path: `${STATE_DIR}/admin.json` });
});
