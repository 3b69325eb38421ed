import { expect, type Locator, type Page } from "@playwright/test";

/** The Calls page: the synced calls of every provider, filtered through the URL. */
export class CallsPage {
  constructor(readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId("call-row");
  }

  async goto(query = "") {
    await this.page.goto(`/calls${query}`);
    await expect(this.page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
  }

  /** Refresh now: asks every connection for its calls and waits for the sync to finish. */
  async refreshNow() {
    await this.page.getByRole("button", { name: "Refresh now" }).click();
    const state = this.page.getByTestId("sync-state");
    await expect(state).toContainText("Sync finished", { timeout: 90_000 });
    await expect(state).toHaveAttribute("data-busy", "false");
  }

  /** Fills the filters given (by their labels' words) and applies them. */
  async filter({ campaign, phone }: { campaign?: string; phone?: string }) {
    if (campaign !== undefined) await this.page.getByLabel("Campaign").selectOption({ label: campaign });
    if (phone !== undefined) await this.page.getByLabel("Phone number").fill(phone);
    await this.page.getByRole("button", { name: "Apply" }).click();
  }
}
