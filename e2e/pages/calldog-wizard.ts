import { expect, type Locator, type Page } from "@playwright/test";

/** The Calldog campaign wizard: recipients, caller id, message, IVR menu, when, review. */
export class CalldogWizard {
  constructor(readonly page: Page) {}

  /** Opens the wizard from the Campaigns page and names the campaign. */
  async open(name: string) {
    await this.page.goto("/campaigns");
    await this.page.getByRole("link", { name: /^New campaign( on .+)?$/ }).first().click();
    await expect(this.page.getByRole("heading", { name: "New Calldog campaign" })).toBeVisible();
    await this.page.getByLabel("Campaign name").fill(name);
  }

  /** Step 1: the numbers pasted as text, one a line. */
  async pasteNumbers(numbers: string[]) {
    await this.page.getByLabel("Pasted numbers").check();
    await this.page.getByLabel("Numbers", { exact: true }).fill(numbers.join("\n"));
  }

  async next() {
    await this.page.getByRole("button", { name: "Next" }).click();
  }

  /** Back to a step already reached, by its button in the step list ("1. Recipients"). */
  async goToStep(label: string) {
    await this.page.getByRole("button", { name: label }).click();
  }

  /** The heading of the step in view ("Caller id", "IVR menu", "When"…). */
  async expectStep(heading: string) {
    await expect(this.page.getByRole("heading", { name: heading })).toBeVisible();
  }

  /** Step 5: when ("now" or a Moscow-style `YYYY-MM-DDTHH:MM`), in which zone, within which daily window (`HH:MM`). */
  async schedule({ at, timeZone, from, to }: { at?: string; timeZone: string; from?: string; to?: string }) {
    await this.expectStep("When");
    if (at) {
      await this.page.getByLabel("At a date and time").check();
      await this.page.getByLabel("Date and time", { exact: true }).fill(at);
    } else {
      await this.page.getByLabel("Now", { exact: true }).check();
    }
    await this.page.getByLabel("Time zone", { exact: true }).selectOption(timeZone);
    if (from) await this.page.getByLabel("Call from").fill(from);
    if (to) await this.page.getByLabel("Call until").fill(to);
  }

  get recipientsSummary(): Locator {
    return this.page.getByTestId("recipients-summary");
  }
}
