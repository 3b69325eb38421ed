import { test } from "@playwright/test";
import { pageAs } from "./support";

// Temporary: screenshots for a look, not committed.
test("screens", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await pageAs(browser, "manager");
  for (const lang of ["en", "ru"]) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: lang, url: "http://localhost:3203" }]);
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/lists");
      await page.screenshot({ path: `/tmp/shots/lists-${lang}-${width}.png`, fullPage: true });
      await page.goto("/tasks");
      await page.screenshot({ path: `/tmp/shots/tasks-${lang}-${width}.png`, fullPage: true });
      const href = await page.getByTestId("task-row").first().getByRole("link").getAttribute("href");
      if (href) {
        await page.goto(href);
        await page.waitForTimeout(1500);
        await page.screenshot({ path: `/tmp/shots/task-${lang}-${width}.png`, fullPage: true });
      }
      await page.goto("/lists");
      await page.locator("section").filter({ hasText: "Calldron main" }).getByRole("link").first().click();
      await page.waitForLoadState("networkidle");
      await page.locator("textarea").fill("+7 916 111-22-33\n89161112233\n123\n9161112234; 9161112235");
      await page.locator("textarea").press("Tab");
      await page.getByRole("button", { name: /Check numbers|Проверить номера/ }).click();
      await page.waitForTimeout(1500);
      await page.locator("details").first().click().catch(() => {});
      await page.screenshot({ path: `/tmp/shots/list-${lang}-${width}.png`, fullPage: true });
    }
  }
});
