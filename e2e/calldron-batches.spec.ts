import fs from "node:fs";
import path from "node:path";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { makeWav } from "@/lib/sim/audio";
import { CampaignsPage } from "./pages/campaigns-page";
import { dropFiles, ensureConnection, expectNoPageScroll, pageAs, SIM_CONNECTIONS, SIM_URL, STATE_DIR, simRequestLog , needsSimulators, SIM } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

const CONNECTION = SIM_CONNECTIONS.calldron.name;
const MB = 1024 * 1024;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  // A manager session saved by an earlier run (an earlier database) is stale once first-run set-up has run again.
  const saved = path.join(STATE_DIR, "manager.json");
  if (fs.existsSync(saved) && fs.statSync(saved).mtimeMs < fs.statSync(path.join(STATE_DIR, "shared.json")).mtimeMs) fs.rmSync(saved);
  await ensureConnection(browser, "calldron");
});

test.afterEach(async () => {
  await fetch(`${SIM_URL}/_sim/faults/calldron`, { method: "DELETE" });
});

/** A real PCM wav of `seconds` of tones; `totalBytes` pads the sound so the file has exactly that size. */
function wav(seconds: number, totalBytes?: number): Buffer {
  if (totalBytes === undefined) return makeWav(seconds);
  const file = Buffer.alloc(totalBytes);
  makeWav(seconds).copy(file);
  file.writeUInt32LE(totalBytes - 8, 4);
  file.writeUInt32LE(totalBytes - 44, 40);
  return file;
}

/** Replaces the simulator's faults (a PUT alone merges with the settings already there). */
async function setFaults(settings: Record<string, unknown>) {
  await fetch(`${SIM_URL}/_sim/faults/calldron`, { method: "DELETE" });
  const response = await fetch(`${SIM_URL}/_sim/faults/calldron`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(settings) });
  expect(response.ok).toBe(true);
}

async function clearLog() {
  await fetch(`${SIM_URL}/_sim/log/calldron`, { method: "DELETE" });
}

async function batchWrites() {
  return (await simRequestLog("calldron")).filter((e) => (e.method === "POST" || e.method === "PUT") && /^\/batches(\/\d+)?$/.test(e.path));
}

/** The simulator's own view of the account's batches, read with the demo key as Calldron would answer it. */
async function simBatches(): Promise<{ id: string; name: string; attempts: string; callback: string; from: string; time_zone: string; intro_filename: string | null }[]> {
  const auth = Buffer.from(`${SIM_CONNECTIONS.calldron.key}:`).toString("base64");
  return (await fetch(`${SIM_URL}/calldron/v1/batches`, { headers: { authorization: `Basic ${auth}` } })).json();
}

async function openNewBatchForm(browser: Browser): Promise<Page> {
  const page = await pageAs(browser, "manager");
  await new CampaignsPage(page).newBatch(CONNECTION);
  return page;
}

async function upload(page: Page, name: string, bytes: Buffer, mimeType = "audio/wav") {
  await page.getByLabel("Intro audio", { exact: true }).setInputFiles({ name, mimeType, buffer: bytes });
}

async function previewDuration(page: Page): Promise<number> {
  return page.locator("audio").first().evaluate((a: HTMLAudioElement) => (Number.isFinite(a.duration) ? a.duration : 0));
}

function fieldError(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true });
}

test("a manager creates a batch with a wav intro heard in the preview, edits it and deletes it", SIM, async ({ browser }) => {
  const name = `E2E reminder ${Date.now()}`;
  const page = await openNewBatchForm(browser);
  await clearLog();

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description").fill("Made by the end-to-end test");
  await page.getByLabel(/^Instant/).check();
  await page.getByLabel(/^Key press/).check();
  await page.getByLabel("Calling window from").fill("10:00");
  await page.getByLabel("to", { exact: true }).fill("19:30");
  await page.getByLabel("Time zone").fill("Ekaterinburg");
  await page.getByLabel("Attempts", { exact: true }).fill("2");
  await page.getByLabel("Delay between attempts, seconds").fill("120");
  await page.getByLabel("Wait before the intro callback, seconds").fill("3");
  await page.getByLabel("Callback number", { exact: true }).fill("8 (999) 777-88-55");
  await page.getByLabel("Caller id").fill("+7 999 7778856");
  await upload(page, "Приветствие.wav", wav(2));

  await expect(page.getByTestId("audio-upload-details")).toContainText("WAV · 2 s");
  await expect.poll(() => previewDuration(page)).toBeGreaterThan(1.9);
  await page.getByRole("button", { name: "Create batch" }).click();

  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Batch “${name}” created.` })).toBeVisible();
  await expect(page.getByText("10:00–19:30 · Ekaterinburg (UTC+5)")).toBeVisible();
  await expect(page.getByText("+7 999 777 88 55")).toBeVisible();
  await expect(page.getByText(/Instant — dials each number/)).toBeVisible();
  await expect(page.getByTestId("batch-intro")).toContainText("Приветствие.wav");
  await expect.poll(() => previewDuration(page)).toBeGreaterThan(1.9);
  await page.screenshot({ path: "test-results/batch-page-en.png", fullPage: true });

  const writes = await batchWrites();
  expect(writes.map((w) => `${w.method} ${w.status}`)).toEqual(["POST 200"]);
  const made = (await simBatches()).find((b) => b.name === name);
  expect(made).toMatchObject({ attempts: "2", callback: "+79997778855", from: "+79997778856", time_zone: "Ekaterinburg", intro_filename: "Приветствие.wav" });

  // Edit: the form holds the batch's values; a new name and attempts are saved with a PUT.
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(page.getByLabel("Callback number", { exact: true })).toHaveValue("+7 999 777 88 55");
  await expect(page.getByText("Current intro: Приветствие.wav")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(`${name} (edited)`);
  await page.getByLabel("Attempts", { exact: true }).fill("5");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: `${name} (edited)` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "saved" })).toBeVisible();
  expect((await simBatches()).find((b) => b.id === made?.id)).toMatchObject({ name: `${name} (edited)`, attempts: "5", intro_filename: "Приветствие.wav" });
  expect((await batchWrites()).map((w) => w.method)).toEqual(["POST", "PUT"]);

  // Delete from the Campaigns table, after a confirmation that names the batch.
  const campaigns = new CampaignsPage(page);
  await campaigns.goto();
  await campaigns.deleteBatch(`${name} (edited)`, CONNECTION);
  await expect(campaigns.batchRow(`${name} (edited)`)).toHaveCount(0);
  expect((await simBatches()).some((b) => b.id === made?.id)).toBe(false);
  await page.context().close();
});

test("bad files and bad fields are refused in the form, and nothing reaches Calldron", SIM, async ({ browser }) => {
  const page = await openNewBatchForm(browser);
  await clearLog();
  const uploadError = page.getByTestId("audio-upload-error");
  // The rules are said once: the field's own help no longer repeats "mp3 or wav up to 10 MB".
  await expect(page.getByText("The message played to the person. mp3 or wav, up to 10 MB; the type is checked from the file's content.", { exact: true })).toBeVisible();

  // The import's drop zone: several files dropped at once are refused in its words; one dropped is uploaded.
  const zone = page.getByTestId("audio-drop-zone");
  await expect(zone).toContainText("or drag an mp3 or wav file here");
  await dropFiles(page, zone, [
    { name: "one.wav", type: "audio/wav", bytes: wav(1) },
    { name: "two.wav", type: "audio/wav", bytes: wav(1) },
  ]);
  await expect(uploadError).toHaveText("Choose one file at a time.");
  await dropFiles(page, zone, [{ name: "dropped.wav", type: "audio/wav", bytes: wav(2) }]);
  await expect(page.getByTestId("audio-upload-details")).toContainText("WAV · 2 s");
  await expect(zone.getByRole("button", { name: "Choose another file" })).toBeVisible();
  await expect(uploadError).toHaveCount(0);

  const png = Buffer.concat([Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), Buffer.alloc(2048, 1)]);
  await upload(page, "photo.mp3", png, "audio/mpeg");
  await expect(uploadError).toHaveText("This is not an mp3 or wav file (its content was checked, not its name).");
  await upload(page, "huge.wav", wav(1, 11 * MB));
  await expect(uploadError).toHaveText("The file is larger than 10 MB.");
  await upload(page, "empty.mp3", Buffer.alloc(0), "audio/mpeg");
  await expect(uploadError).toHaveText("The file is empty.");

  // The route refuses the same files on its own, whatever the browser does.
  const post = (bytes: Buffer, name: string) =>
    page.request.post("/api/uploads/audio?purpose=calldron-intro", { data: bytes, headers: { "x-file-name": encodeURIComponent(name), "content-type": "audio/mpeg", "accept-language": "en" } });
  const refusedPng = await post(png, "photo.mp3");
  expect(refusedPng.status()).toBe(415);
  expect(await refusedPng.json()).toEqual({ error: "This is not an mp3 or wav file (its content was checked, not its name)." });
  expect((await post(wav(1, 11 * MB), "huge.wav")).status()).toBe(413);
  expect((await post(Buffer.alloc(0), "empty.mp3")).status()).toBe(400);

  const name = page.getByLabel("Name", { exact: true });
  const attempts = page.getByLabel("Attempts", { exact: true });
  const create = page.getByRole("button", { name: "Create batch" });
  await create.click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");

  await name.fill("E2E refused batch");
  await attempts.fill("0");
  await create.click();
  await expect(page.getByText("Enter a whole number from 1 to 10.")).toBeVisible();
  await expect(name).toHaveValue("E2E refused batch");

  await attempts.fill("1000");
  await create.click();
  await expect(page.getByText("Enter a whole number from 1 to 10.")).toBeVisible();
  await expect(attempts).toHaveValue("1000");

  await attempts.fill("3");
  await page.getByLabel("Callback number", { exact: true }).fill("8 (999) 12");
  await create.click();
  await expect(page.getByText("This is not a valid Russian phone number.")).toBeVisible();
  await expect(fieldError(page, "Callback number")).toHaveValue("8 (999) 12");
  await expect(page.getByText("Enter a whole number from 1 to 10.")).toHaveCount(0);

  expect(await batchWrites()).toEqual([]);
  expect((await simBatches()).some((b) => b.name === "E2E refused batch")).toBe(false);
  await page.context().close();
});

test("a 10 MB wav goes all the way to Calldron as the intro", SIM, async ({ browser }) => {
  test.setTimeout(180_000);
  const name = `E2E ten megabytes ${Date.now()}`;
  const page = await openNewBatchForm(browser);
  await clearLog();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await upload(page, "ten.wav", wav(1, 10 * MB));
  await expect(page.getByTestId("audio-upload-details")).toContainText("WAV · 10 min 55 s · 10 MB");
  await page.getByRole("button", { name: "Create batch" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("batch-intro")).toContainText("ten.wav");
  expect((await batchWrites()).map((w) => `${w.method} ${w.status}`)).toEqual(["POST 200"]);
  const made = (await simBatches()).find((b) => b.name === name);
  expect(made?.intro_filename).toBe("ten.wav");

  const played = await page.request.get(`/api/audio/${await storedAudioId(page)}`, { headers: { range: "bytes=0-99" } });
  expect(played.status()).toBe(206);
  expect(played.headers()["content-range"]).toBe(`bytes 0-99/${10 * MB}`);
  expect(played.headers()["content-type"]).toBe("audio/wav");
  await page.context().close();
});

async function storedAudioId(page: Page): Promise<string> {
  const src = await page.locator("audio").first().getAttribute("src");
  const id = /\/api\/audio\/([0-9a-f-]+)/.exec(src ?? "")?.[1];
  expect(id).toBeTruthy();
  return id as string;
}

test("listing faults (500, 429, a hang) are said in words on the Campaigns page", SIM, async ({ browser }) => {
  test.setTimeout(270_000);
  const page = await pageAs(browser, "manager");
  const section = page.locator("section").filter({ hasText: CONNECTION });
  const cases: [Record<string, unknown>, string][] = [
    [{ errorRate: 1, errorStatuses: [500] }, "Could not read this account: Provider error."],
    [{ rateLimitRate: 1, retryAfterSeconds: 1 }, "Could not read this account: Too many requests, try later."],
    [{ hangRate: 1 }, "Could not read this account: Timed out."],
  ];
  for (const [faults, message] of cases) {
    await setFaults({ ...faults, match: "^GET /batches$" });
    await page.goto("/campaigns", { timeout: 90_000 });
    await expect(section.getByRole("alert")).toHaveText(message);
    await expect(page.getByRole("heading", { name: "Campaigns", level: 1 })).toBeVisible();
  }
  await page.context().close();
});

test("creating under faults: a lost answer is looked up before anything is sent again", SIM, async ({ browser }) => {
  test.setTimeout(270_000);
  const page = await openNewBatchForm(browser);
  const name = page.getByLabel("Name", { exact: true });
  const create = page.getByRole("button", { name: "Create batch" });
  const alert = page.locator("form").getByRole("alert").filter({ hasText: "Calldron" });

  // 500 and a hang: one POST, the look-up finds nothing, the user is told it was not created.
  for (const faults of [{ errorRate: 1, errorStatuses: [500] }, { hangRate: 1 }]) {
    await clearLog();
    await setFaults({ ...faults, match: "^POST /batches$" });
    await page.reload();
    const batchName = `E2E fault ${Date.now()}`;
    await name.fill(batchName);
    await create.click();
    await expect(alert).toHaveText("Calldron did not answer, and no new batch of this name is in the account: it was not created. You can try again.", { timeout: 30_000 });
    await expect(name).toHaveValue(batchName);
    expect((await batchWrites()).length).toBe(1);
    expect((await simRequestLog("calldron")).filter((e) => e.method === "GET" && e.path === "/batches").length).toBeGreaterThanOrEqual(2);
  }

  // 429: Calldron says it did nothing; after the retries the transport allows, the user is told to wait.
  await clearLog();
  await setFaults({ rateLimitRate: 1, retryAfterSeconds: 1, match: "^POST /batches$" });
  await page.reload();
  await name.fill(`E2E rate limited ${Date.now()}`);
  await create.click();
  await expect(alert).toHaveText("Calldron is receiving too many requests. Try again in 1 s.", { timeout: 30_000 });
  expect((await batchWrites()).every((w) => w.status === 429)).toBe(true);

  // The service makes the batch but its answer is unreadable: found by name, created once, never twice.
  await clearLog();
  await setFaults({ malformedRate: 1, match: "^POST /batches$" });
  await page.reload();
  const recovered = `E2E recovered ${Date.now()}`;
  await name.fill(recovered);
  await create.click();
  await expect(page.getByRole("heading", { name: recovered })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/the service's answer was lost; the batch was found in the account/)).toBeVisible();
  expect((await batchWrites()).map((w) => w.method)).toEqual(["POST"]);
  expect((await simBatches()).filter((b) => b.name === recovered)).toHaveLength(1);
  await page.context().close();
});

test("the Campaigns table fits a 1280-px laptop in both languages, and at 1024 px scrolls with a hint, the name in view", SIM, async ({ browser, baseURL }) => {
  const page = await pageAs(browser, "manager");
  const table = page.locator("section").filter({ hasText: CONNECTION }).getByRole("table");
  for (const locale of ["en", "ru"]) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/campaigns");
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    const box = table.locator("xpath=..");
    // The hint of this table only: the Calldog campaigns section below has a table of its own.
    const hint = table.locator("xpath=../..").getByTestId("scroll-hint");
    expect(await box.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    await expect(hint).toHaveCount(0);
    await expectNoPageScroll(page, `Campaigns at 1280 px (${locale})`);
    await page.screenshot({ path: `test-results/campaigns-1280-${locale}.png`, fullPage: true });

    await page.setViewportSize({ width: 1024, height: 800 });
    await expect(hint).toBeVisible();
    const link = table.getByRole("link", { name: "Напоминание о записи к врачу" });
    await box.evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
    await expect(link).toBeInViewport();
    await expectNoPageScroll(page, `Campaigns at 1024 px (${locale})`);
    await page.screenshot({ path: `test-results/campaigns-1024-${locale}.png`, fullPage: true });

    // The form, as a user sees it, for a look in both languages.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator("section").filter({ hasText: CONNECTION }).getByRole("link").first().click();
    await expect(page.getByRole("textbox").first()).toBeVisible();
    await page.screenshot({ path: `test-results/batch-form-${locale}.png`, fullPage: true });
  }
  await page.context().close();
});

test("a batch made outside the app plays its intro from Calldron through the app, with Range", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/campaigns");
  await page.locator("section").filter({ hasText: CONNECTION }).getByRole("link", { name: "Акция выходного дня" }).click();
  await expect(page.getByRole("heading", { name: "Акция выходного дня" })).toBeVisible();
  await expect(page.getByTestId("batch-intro")).toContainText("(played from Calldron)");
  await expect.poll(() => previewDuration(page)).toBeGreaterThan(0);
  const src = (await page.locator("audio").first().getAttribute("src")) ?? "";
  expect(src).toMatch(/^\/api\/calldron\/[0-9a-f-]+\/batches\/\d+\/intro$/);
  const part = await page.request.get(src, { headers: { range: "bytes=0-9" } });
  expect(part.status()).toBe(206);
  expect(part.headers()["content-range"]).toMatch(/^bytes 0-9\/\d+$/);
  expect(part.headers()["content-type"]).toBe("audio/mpeg");
  await page.context().close();
});
