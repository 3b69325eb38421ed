import { expect, type Locator, type Page } from "@playwright/test";

/** The Campaigns page: each connection's Calldron batches and Calldog campaigns, and the way into each form. */
export class CampaignsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/campaigns");
    await expect(this.page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  }

  /** One connection's part of the page, a region named by its title and the connection's name. */
  connection(name: string): Locator {
    return this.page.getByRole("region", { name: new RegExp(`· ${escapeRegExp(name)}$`) });
  }

  /** Opens the new-batch form of a Calldron connection. */
  async newBatch(connection: string) {
    await this.goto();
    await this.connection(connection).getByRole("link", { name: "New batch" }).click();
    await expect(this.page.getByRole("heading", { name: "New Calldron batch" })).toBeVisible();
  }

  /** A batch's row in the Calldron table. */
  batchRow(name: string): Locator {
    return this.page.getByTestId("batch-row").filter({ hasText: name });
  }

  /** Deletes a batch from the table, after the confirmation that names it. */
  async deleteBatch(name: string, connection: string) {
    await this.batchRow(name).getByRole("button", { name: "Delete" }).click();
    const dialog = this.page.getByRole("dialog");
    await expect(dialog).toContainText(`Delete the batch “${name}” from ${connection}?`);
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(this.page.getByText(`Batch “${name}” deleted.`)).toBeVisible();
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
