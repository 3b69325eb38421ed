import { expect, type Locator, type Page } from "@playwright/test";

/** Contact lists: each Calldron connection's lists, each Obzvonilka connection's bases, and the kept lists. */
export class ListsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/lists");
  }

  /** One connection's part of the page, a region named by its title and the connection's name. */
  connection(name: string): Locator {
    return this.page.getByRole("region", { name: new RegExp(`· ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) });
  }

  /** Creates a Calldron list and lands on its page; returns the page's address. */
  async createCalldronList(connection: string, name: string): Promise<string> {
    await this.goto();
    const section = this.connection(connection);
    await section.getByLabel("New list name").fill(name);
    await section.getByRole("button", { name: "Create list" }).click();
    await expect(this.page).toHaveURL(/\/lists\/calldron\/[0-9a-f-]+\/\d+$/);
    await expect(this.page.getByRole("heading", { name })).toBeVisible();
    return this.page.url();
  }

  /** Creates a kept (app) list and lands on its page. */
  async createKeptList(name: string) {
    await this.page.goto("/lists/app");
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByRole("button", { name: "Create" }).click();
    await expect(this.page.getByRole("heading", { name })).toBeVisible();
  }
}
