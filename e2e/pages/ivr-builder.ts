import { expect, type Locator } from "@playwright/test";

/**
 * Adds a webhook handler's parameters through its "Add a parameter" button, typing each name and value as a user
 * does. The new name field takes the focus in the next frame: typing before would lose keys (it did, under load).
 */
export async function addWebhookParameters(handler: Locator, parameters: [name: string, value: string][]) {
  const keyboard = handler.page().keyboard;
  for (const [n, [name, value]] of parameters.entries()) {
    await handler.getByRole("button", { name: "Add a parameter" }).click();
    await expect(handler.getByLabel(`Parameter ${n + 1} name`)).toBeFocused();
    await keyboard.type(name);
    await keyboard.press("Tab");
    await keyboard.type(value);
  }
}
