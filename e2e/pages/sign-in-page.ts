import { expect, type Page } from "@playwright/test";

/** The sign-in form (app/(auth)/signin). */
export class SignInPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/signin");
  }

  async signIn(email: string, password: string) {
    await this.goto();
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  /** Signs in and waits for the dashboard's user menu. */
  async signInAs(email: string, password: string) {
    await this.signIn(email, password);
    await expect(this.page.getByTestId("current-user").first()).toBeVisible();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).filter({ visible: true }).click();
    await expect(this.page).toHaveURL(/\/signin/);
  }
}
