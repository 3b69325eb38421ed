import { expect, test } from "@playwright/test";
import { ListsPage } from "./pages/lists-page";
import { pageAs } from "./support";

// The audit log's Subject column names what an entry touched: a number removed from a kept list reads
// "list → number", the list linked to its page, where the entry's uuid used to be.

const LIST = `Журнал ${Date.now()}`;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test("a number removed from a kept list shows the list by name, linked, and the number, not the entry's id", async ({ browser }) => {
  const manager = await pageAs(browser, "manager");
  await new ListsPage(manager).createKeptList(LIST);
  const listPath = new URL(manager.url()).pathname;
  expect(listPath).toMatch(/^\/lists\/app\/[0-9a-f-]{36}$/);
  const add = manager.getByRole("form", { name: "Add a number" });
  await add.getByLabel("Phone").fill("8 999 555 44 33");
  await add.getByRole("button", { name: "Add" }).click();
  const row = manager.getByTestId("kept-entry");
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: "Remove" }).click();
  await manager.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(row).toHaveCount(0);
  await manager.context().close();

  const admin = await pageAs(browser, "admin");
  await admin.goto("/settings/audit");
  const entry = admin.getByRole("row").filter({ hasText: "Number removed from a contact list" }).filter({ hasText: LIST }).first();
  await expect(entry).toBeVisible();
  const subject = entry.getByRole("cell").nth(3);
  await expect(subject).toHaveText(`${LIST} → +79995554433`);
  await expect(subject.getByRole("link", { name: LIST })).toHaveAttribute("href", listPath);
  expect(await subject.textContent()).not.toMatch(UUID);
  await admin.context().close();
});
