import { expect, type Page, test } from "@playwright/test";
import { makeWav } from "@/lib/sim/audio";
import { ensureConnection, pageAs, SIM_CONNECTIONS, SIM_URL, simRequestLog , needsSimulators, SIM } from "./support";

// Every test here drives the simulators (their faults, request log or seeded data): skipped against a deployment.
needsSimulators();

const CONNECTION = SIM_CONNECTIONS.calldog.name;

test.beforeAll(async ({ browser }) => {
  await ensureConnection(browser, "calldog");
});

async function clearLog() {
  await fetch(`${SIM_URL}/_sim/log/calldog`, { method: "DELETE" });
}

async function recordCalls() {
  return (await simRequestLog("calldog")).filter((e) => /createRecord|removeRecord/.test(e.path));
}

async function openLibrary(page: Page) {
  await page.goto("/audio");
  await expect(page.getByRole("heading", { name: "Audio", exact: true })).toBeVisible();
  await expect(page.getByText("A call with a record that is not yet approved will not start")).toBeVisible();
}

test("a manager uploads a wav record and a text record, plays the wav, and deletes one with confirmation", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  const suffix = Date.now().toString(36);
  // A Cyrillic name with an apostrophe and brackets: the download is saved under it (RFC 5987 filename*).
  const wavName = `Приветствие o'clock (${suffix})`;
  const ttsName = `Survey ${suffix}`;
  await openLibrary(page);
  await clearLog();

  const fileForm = page.getByRole("form", { name: "New record from a file" });
  await fileForm.getByLabel("Record name").fill(wavName);
  const fileName = `Запись ${suffix}.wav`;
  await fileForm.getByLabel("Audio file", { exact: true }).setInputFiles({ name: fileName, mimeType: "audio/wav", buffer: makeWav(2) });
  await expect(fileForm.getByRole("group", { name: `Preview of ${fileName}` })).toBeVisible();
  await fileForm.getByRole("button", { name: "Send to Calldog" }).click();
  await expect(fileForm.getByText("The record was created in Calldog and added to the list.")).toBeVisible();

  const textForm = page.getByRole("form", { name: "New record from text" });
  await textForm.getByLabel("Record name").fill(ttsName);
  await textForm.getByLabel("Text to speak").fill("Добрый день! Нажмите 1, чтобы подтвердить запись.");
  await expect(textForm.getByText("49 of 1024 characters")).toBeVisible();
  await expect(textForm.getByText("Each generation costs 0.40 RUB")).toBeVisible();
  await expect(textForm.getByLabel("Language")).toHaveValue("ru-RU");
  await textForm.getByLabel("Voice").selectOption("male");
  await textForm.getByRole("button", { name: "Generate (0.40 RUB)" }).click();
  await expect(textForm.getByText("The record was created in Calldog and added to the list.")).toBeVisible();

  const sent = await recordCalls();
  expect(sent.filter((e) => e.path.includes("createRecord"))).toHaveLength(2);

  const table = page.getByRole("table", { name: `Calldog records — ${CONNECTION}` });
  const wavRow = table.getByRole("row").filter({ hasText: wavName });
  const ttsRow = table.getByRole("row").filter({ hasText: ttsName });
  await expect(wavRow).toContainText("File");
  await expect(wavRow).toContainText(/Approved|Awaiting moderation/);
  await expect(wavRow).toContainText("2 s");
  await expect(ttsRow).toContainText("Text to speech");
  await expect(ttsRow).toContainText(/Approved|Awaiting moderation/);

  const player = wavRow.getByRole("group", { name: `Play ${wavName}` });
  await player.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => wavRow.locator("audio").evaluate((a: HTMLAudioElement) => (Number.isFinite(a.duration) ? a.duration : 0))).toBeGreaterThan(0);
  const download = page.waitForEvent("download");
  await player.getByRole("link", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toBe(`${wavName}.wav`);

  await clearLog();
  await ttsRow.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete the record?" });
  await expect(dialog).toContainText(`“${ttsName}”`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await recordCalls()).toHaveLength(0);
  await ttsRow.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete the record?" }).getByRole("button", { name: "Delete record" }).click();
  await expect(page.getByText("The record was deleted in Calldog and removed from the list.")).toBeVisible();
  await expect(ttsRow).toHaveCount(0);
  await expect(wavRow).toBeVisible();
  expect((await recordCalls()).filter((e) => e.path.includes("removeRecord"))).toHaveLength(1);
});

test("a text over 1024 characters and a fake mp3 are refused in the form with nothing sent", SIM, async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await openLibrary(page);
  await clearLog();

  const textForm = page.getByRole("form", { name: "New record from text" });
  await textForm.getByLabel("Record name").fill("Too long");
  await textForm.getByLabel("Text to speak").fill("а".repeat(1025));
  await expect(textForm.getByText("1025 of 1024 characters")).toBeVisible();
  await expect(textForm.getByText("The text is too long (1024 characters at most).")).toBeVisible();
  await textForm.getByRole("button", { name: "Generate (0.40 RUB)" }).click();
  await expect(textForm.getByText("The text is too long (1024 characters at most).")).toBeVisible();

  const fileForm = page.getByRole("form", { name: "New record from a file" });
  await fileForm.getByLabel("Record name").fill("Fake");
  await fileForm.getByLabel("Audio file", { exact: true }).setInputFiles({ name: "fake.mp3", mimeType: "audio/mpeg", buffer: Buffer.from("MZ this is not audio at all") });
  await expect(fileForm.getByText("This is not an mp3 or wav file (its content was checked, not its name).")).toBeVisible();
  await fileForm.getByRole("button", { name: "Send to Calldog" }).click();
  await expect(fileForm.getByText("This is not an mp3 or wav file (its content was checked, not its name).")).toBeVisible();

  expect(await recordCalls()).toHaveLength(0);
});
