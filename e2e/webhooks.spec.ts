import { expect, type Page, test } from "@playwright/test";
import { ensureConnection, pageAs, SIM_CONNECTIONS, SIM_URL , needsSimulators, SIM } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
const CALLER = "74951234567";
const PHONES = ["79993000001", "79993000002", "79993000003", "79993000004", "79993000005", "79993000006"];

test.describe.configure({ mode: "serial" });

async function openReceiver(page: Page) {
  await page.goto("/settings/connections");
  await page.getByTestId(`connection-row-${SIM_CONNECTIONS.calldog.name}`).getByRole("button", { name: "Webhooks" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel(/Receiver URL/)).toHaveValue(/\/api\/webhooks\/calldog\/[A-Za-z0-9_-]{43}$/);
  return dialog;
}

async function calldog(path: string, body: Record<string, unknown>) {
  const response = await fetch(`${SIM_URL}/calldog/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ apiKey: SIM_CONNECTIONS.calldog.key, ...body }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Record<string, unknown>[] }).data;
}

/** The status webhooks a call sends on its way to its final state (one per status change). */
function eventsFor(call: Record<string, unknown>): number {
  if (call.status === "finished") return 4; // started, processed, answered, finished
  if (call.status === "busy" || (call.status === "canceled" && call.reason === "no_answer")) return 3;
  return 1;
}

test("the admin sees the Calldog receiver; the simulator's webhooks reach the app; rotating the token retires the old URL", SIM, async ({ browser }) => {
  await ensureConnection(browser, "calldog");
  const page = await pageAs(browser, "admin");
  let dialog = await openReceiver(page);
  const url = await dialog.getByLabel(/Receiver URL/).inputValue();
  expect(url.startsWith(`http://127.0.0.1:${APP_PORT}/api/webhooks/calldog/`)).toBe(true);
  // Other specs' campaigns may have reported to this receiver already: count from what is there.
  await expect(dialog.getByTestId("webhook-received")).toHaveText(/^\d+$/);
  const before = Number(await dialog.getByTestId("webhook-received").textContent());
  await page.screenshot({ path: test.info().outputPath("receiver-en.png") });

  // Calls created on the simulator with the app's receiver as webhookUrl: every status change is POSTed to the app.
  const created = await calldog("apiCalls/create", { phones: PHONES, outgoingPhone: CALLER, record: { text: "Проверка вебхуков" }, webhookUrl: url });
  const ids = created.map((c) => Number(c.id));
  expect(ids.every((id) => id > 0)).toBe(true);
  let expected = 0;
  await expect
    .poll(
      async () => {
        const calls = await calldog("apiCalls/get", { apiCallIdList: ids });
        expected = calls.reduce((sum, c) => sum + eventsFor(c), 0);
        return calls.every((c) => ["finished", "busy", "canceled"].includes(String(c.status)));
      },
      { timeout: 30_000 },
    )
    .toBe(true);

  // Each event is stored once and applied (nothing waiting, nothing refused).
  await expect
    .poll(
      async () => {
        await page.keyboard.press("Escape");
        dialog = await openReceiver(page);
        const cell = (id: string) => dialog.getByTestId(id).textContent();
        return { received: await cell("webhook-received"), pending: await cell("webhook-pending"), failed: await cell("webhook-failed") };
      },
      { timeout: 30_000 },
    )
    .toEqual({ received: String(before + expected), pending: "0", failed: "0" });
  await expect(dialog.getByText("Last event received")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("receiver-received-en.png") });

  // Rotation asks first, then the old URL answers 404 and the new one is accepted.
  await dialog.getByRole("button", { name: "Rotate token…" }).click();
  await expect(dialog.getByText(/stops working at once/)).toBeVisible();
  await dialog.getByRole("button", { name: "Rotate the token" }).click();
  await expect(dialog.getByText("A new token is in place. The old URL now answers 404.")).toBeVisible();
  const rotated = await dialog.getByLabel(/Receiver URL/).inputValue();
  expect(rotated).not.toBe(url);
  const probe = { id: ids[0], phone: PHONES[0], status: "finished" };
  expect((await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(probe) })).status).toBe(404);
  expect((await fetch(rotated, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(probe) })).status).toBe(200);
  expect((await fetch(rotated, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" })).status).toBe(400);

  // The rotation is in the audit log.
  await page.keyboard.press("Escape");
  await page.goto("/settings/audit");
  await expect(page.getByRole("cell", { name: SIM_CONNECTIONS.calldog.name }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "Webhook token rotated" }).first()).toBeVisible();
});

test("the receiver needs no session, and the benchmark's echo route is closed unless enabled", SIM, async () => {
  const anonymous = await fetch(`http://127.0.0.1:${APP_PORT}/api/webhooks/calldog/${"A".repeat(43)}`, { method: "POST", body: "{}" });
  expect(anonymous.status).toBe(404);
  const echo = await fetch(`http://127.0.0.1:${APP_PORT}/api/bench/echo`, { method: "POST", body: "{}" });
  expect(echo.status).toBe(404);
});

test("the receiver dialog in Russian", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "ru", url: `http://localhost:${APP_PORT}` }]);
  await page.goto("/settings/connections");
  await page.getByTestId(`connection-row-${SIM_CONNECTIONS.calldog.name}`).getByRole("button", { name: "Вебхуки" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel(/Адрес приёмника/)).toHaveValue(/\/api\/webhooks\/calldog\//);
  await expect(dialog.getByRole("button", { name: "Сменить токен…" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("receiver-ru.png") });
});
