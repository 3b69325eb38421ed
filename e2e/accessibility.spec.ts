import fs from "node:fs";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { makeWav } from "@/lib/sim/audio";
import { AGAINST_DEPLOYMENT, ensureConnection, expectNoSeriousViolations, pageAs, SIM_CONNECTIONS } from "./support";

/**
 * Every page of the app, scanned with axe: no serious or critical violation. The table below is keyed by the
 * route file (app/**\/page.tsx), so a page added without an entry here fails the first test. Pages with an id
 * in their path find a real one by following the app's own links; run locally, the spec first makes what they
 * need (a kept list, an import, a Calldog campaign, an IVR menu), as an administrator, and removes the menu
 * again, since other specs start from an empty menu list. Against a deployment (E2E_BASE_URL) nothing is made:
 * a page whose data the deployment does not have is skipped, with the reason.
 */

type Role = "admin" | "manager" | "guest";
type Entry = {
  role: Role;
  /** The address to scan, found through the app; null when there is nothing to show (skipped against a deployment, a failure locally). */
  url: (page: Page) => Promise<string | null>;
  /** Further states of the same page to scan (a wizard's next step…), after the first scan. */
  /** The spec that scans this page instead, where the state it needs is made (no test is generated here). */
  elsewhere?: string;
  more?: (page: Page, scan: (state: string) => Promise<void>) => Promise<void>;
};

const stamp = Date.now().toString(36);
const KEPT_LIST = `A11y list ${stamp}`;
const MENU = `A11y menu ${stamp}`;
const CAMPAIGN = `A11y campaign ${stamp}`;
const UUID = "[0-9a-f-]{36}";

const at = (url: string) => async () => url;

const PAGES: Record<string, Entry> = {
  "(auth)/signin": { role: "guest", url: at("/signin") },
  // The set-up form itself is scanned by first-run.setup.ts, the only time it shows; afterwards it says set-up is done.
  "(auth)/setup": { role: "guest", url: at("/setup") },
  // Only a user signed in with a temporary password sees it: foundation.spec.ts scans it in that test.
  "(auth)/change-password": { role: "guest", url: at("/change-password"), elsewhere: "foundation.spec.ts" },
  "(app)": { role: "manager", url: at("/") },
  "(app)/audio": { role: "manager", url: at("/audio") },
  "(app)/calldog": { role: "admin", url: at("/calldog") },
  "(app)/calldog/verify": { role: "manager", url: at("/calldog/verify") },
  "(app)/calls": { role: "manager", url: at("/calls") },
  "(app)/campaigns/(list)": { role: "manager", url: at("/campaigns") },
  "(app)/campaigns/compare": {
    role: "admin",
    url: async (page) => {
      const ids = (await hrefsOn(page, "/campaigns", new RegExp(`^/campaigns/calldog/${UUID}$`))).map((h) => h.split(/[?#]/)[0]?.split("/").at(-1));
      return ids.length ? `/campaigns/compare?ids=${ids.slice(0, 2).join(",")}` : null;
    },
  },
  "(app)/campaigns/calldog/new": {
    role: "admin",
    url: async (page) => firstHref(page, "/campaigns", /^\/campaigns\/calldog\/new/),
    more: async (page, scan) => {
      await page.getByLabel("Campaign name").fill(`${CAMPAIGN} draft`);
      await page.getByLabel("Pasted numbers").check();
      await page.getByLabel("Numbers", { exact: true }).fill("+79990000001\n+79990000002\n12345");
      await page.getByRole("button", { name: "Next" }).click();
      await expect(page.getByRole("heading", { name: "Caller id" })).toBeVisible();
      // Scanned once the step is saved: while it is, the buttons are disabled (and dimmed, as inactive controls may be).
      await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();
      await scan("caller id step");
      await page.getByRole("button", { name: "1. Recipients" }).click();
      await expect(page.getByTestId("recipients-summary")).toBeVisible();
      await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();
      await scan("recipients step with a summary");
    },
  },
  "(app)/campaigns/calldog/[campaignId]": { role: "admin", url: (page) => calldogCampaign(page) },
  "(app)/campaigns/calldog/[campaignId]/launch": { role: "admin", url: async (page) => withSuffix(await calldogCampaign(page), "/launch") },
  "(app)/campaigns/calldog/menus": { role: "manager", url: at("/campaigns/calldog/menus") },
  "(app)/campaigns/calldog/menus/new": {
    role: "manager",
    url: at("/campaigns/calldog/menus/new"),
    more: async (page, scan) => {
      // A key with its actions open, one of them flagged (an SMS too long): the builder's busiest state. Nothing is saved.
      await page.getByRole("button", { name: "Add a key" }).click();
      const key = page.getByTestId("ivr-handler-1");
      await key.getByLabel("Send an SMS").check();
      await key.getByLabel("SMS text").fill("x".repeat(71));
      await expect(key.getByLabel("SMS text")).toHaveAttribute("aria-invalid", "true");
      await scan("a key with a problem");
    },
  },
  "(app)/campaigns/calldog/menus/[id]": { role: "admin", url: (page) => firstHref(page, "/campaigns/calldog/menus", new RegExp(`^/campaigns/calldog/menus/${UUID}$`)) },
  "(app)/campaigns/calldron/[connectionId]/new": { role: "manager", url: (page) => firstHref(page, "/campaigns", new RegExp(`^/campaigns/calldron/${UUID}/new$`)) },
  "(app)/campaigns/calldron/[connectionId]/[batchId]": { role: "manager", url: (page) => calldronBatch(page) },
  "(app)/campaigns/calldron/[connectionId]/[batchId]/edit": { role: "manager", url: async (page) => withSuffix(await calldronBatch(page), "/edit") },
  "(app)/campaigns/calldron/[connectionId]/[batchId]/run": { role: "manager", url: async (page) => withSuffix(await calldronBatch(page), "/run") },
  "(app)/dnc": { role: "manager", url: at("/dnc") },
  "(app)/imports/new": {
    role: "manager",
    url: at("/imports/new"),
    more: async (page, scan) => {
      // The picker with a file chosen (its name and size, "Choose another file"); nothing is uploaded.
      await page.getByLabel("File (CSV or XLSX)").setInputFiles({ name: "a11y-chosen.csv", mimeType: "text/csv", buffer: Buffer.from("Name,Phone\nAnna,+79990001122\n") });
      await expect(page.getByTestId("import-chosen-file")).toContainText("a11y-chosen.csv");
      await scan("a file chosen");
    },
  },
  "(app)/imports/[id]": {
    role: "admin",
    // An import's report has the id of its task; the Tasks page names the task by its kind.
    url: async (page) => {
      await page.goto("/tasks");
      const task = page.getByRole("link", { name: "Importing a file" }).first();
      return (await task.count()) ? ((await task.getAttribute("href")) ?? "").replace(/^\/tasks\//, "/imports/") : null;
    },
  },
  "(app)/lists": { role: "manager", url: at("/lists") },
  "(app)/lists/app": { role: "manager", url: at("/lists/app") },
  "(app)/lists/app/[id]": { role: "admin", url: (page) => firstHref(page, "/lists/app", new RegExp(`^/lists/app/${UUID}$`)) },
  "(app)/lists/calldron/[connectionId]/[listId]": { role: "manager", url: (page) => firstHref(page, "/lists", new RegExp(`^/lists/calldron/${UUID}/\\d+$`)) },
  "(app)/lists/obzvonilka/[connectionId]/[baseId]": { role: "manager", url: (page) => obzvonilkaBase(page) },
  "(app)/lists/obzvonilka/[connectionId]/[baseId]/contacts/new": { role: "manager", url: async (page) => withSuffix(await obzvonilkaBase(page), "/contacts/new") },
  "(app)/lists/obzvonilka/[connectionId]/[baseId]/contacts/[contactId]": {
    role: "manager",
    url: async (page) => {
      const base = await obzvonilkaBase(page);
      return base ? firstHref(page, base, new RegExp(`^${base.split("?")[0]}/contacts/(?!new$)[^/]+$`)) : null;
    },
  },
  "(app)/lists/obzvonilka/[connectionId]/users": { role: "manager", url: (page) => firstHref(page, "/lists", new RegExp(`^/lists/obzvonilka/${UUID}/users$`)) },
  "(app)/profile": { role: "manager", url: at("/profile") },
  "(app)/settings": { role: "admin", url: at("/settings") },
  "(app)/settings/approvals": { role: "admin", url: at("/settings/approvals") },
  "(app)/settings/audit": { role: "admin", url: at("/settings/audit") },
  "(app)/settings/connections": {
    role: "admin",
    url: at("/settings/connections"),
    more: async (page, scan) => {
      await page.getByRole("button", { name: "Add connection" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await scan("the add-connection dialog");
      await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    },
  },
  "(app)/settings/connections/[id]/calldog": { role: "admin", url: (page) => firstHref(page, "/calldog", new RegExp(`^/settings/connections/${UUID}/calldog$`)) },
  "(app)/settings/dialing": { role: "admin", url: at("/settings/dialing") },
  "(app)/settings/users": {
    role: "admin",
    url: at("/settings/users"),
    more: async (page, scan) => {
      await page.getByRole("button", { name: "Add user" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await scan("the add-user dialog");
      await page.keyboard.press("Escape");
    },
  },
  "(app)/tasks": { role: "admin", url: at("/tasks") },
  "(app)/tasks/[id]": { role: "admin", url: (page) => firstHref(page, "/tasks", new RegExp(`^/tasks/${UUID}$`)) },
};

/** Every page.tsx under app/, as its folder relative to app/ ("(app)/lists/app/[id]"). */
function routeFiles(): string[] {
  const root = path.resolve("app");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) found.push(path.relative(root, dir).split(path.sep).join("/"));
    }
  };
  walk(root);
  return found.sort();
}

test("every page of the app has an entry in this spec", () => {
  expect(Object.keys(PAGES).sort()).toEqual(routeFiles());
});

const pages = new Map<Role, Page>();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(270_000);
  if (!AGAINST_DEPLOYMENT) await makeTheData(browser);
});

test.afterAll(async ({ browser }) => {
  for (const page of pages.values()) await page.context().close();
  pages.clear();
  if (!AGAINST_DEPLOYMENT) await removeTheMenu(browser);
});

for (const [route, entry] of Object.entries(PAGES)) {
  if (entry.elsewhere) continue;
  test(`axe: ${route}`, async ({ browser }) => {
    const page = await pageFor(browser, entry.role);
    const url = await entry.url(page);
    // A deployment may have nothing to show there; the simulators' demo data always has, so locally it must be found.
    test.skip(AGAINST_DEPLOYMENT && url === null, `no data on this deployment to show ${route}`);
    expect(url, `a page to scan for ${route}, found through the app`).not.toBeNull();
    const response = await page.goto(url as string);
    expect(response?.status(), `${url} answered`).toBeLessThan(400);
    // A page that streams can still end as the 404 or 403 page: the scan would then be of the wrong page.
    await expect(page.getByRole("heading", { level: 1, name: /^(Page not found|Access denied)$/ })).toHaveCount(0);
    const scan = async (state: string) => {
      await settle(page);
      await expectNoSeriousViolations(page, `${url} (${state})`);
    };
    await scan("as loaded");
    await entry.more?.(page, scan);
  });
}

/** One signed-in page per role for the whole file: signing in for each of 40 pages would double the run. */
async function pageFor(browser: Browser, role: Role): Promise<Page> {
  const existing = pages.get(role);
  if (existing) return existing;
  const page = role === "guest" ? await (await browser.newContext()).newPage() : await pageAs(browser, role);
  await page.setViewportSize({ width: 1280, height: 900 });
  pages.set(role, page);
  return page;
}

async function settle(page: Page) {
  await page.waitForLoadState("load");
  // Client components (charts, tables loading their rows) settle after the first paint.
  await page.waitForLoadState("networkidle", { timeout: 1_500 }).catch(() => {});
}

/** Every link on a page whose path (without its query) matches, as written (with its query). */
async function hrefsOn(page: Page, url: string, pattern: RegExp): Promise<string[]> {
  return (await linksOn(page, url)).filter((h) => pattern.test(h.split(/[?#]/)[0] ?? ""));
}

/**
 * The links of a page, read once per role: several entries look for their id on the same page (the Campaigns and
 * Lists pages each serve three or four), and the data they look for is made once, before the scans.
 */
const links = new Map<string, Promise<string[]>>();
function linksOn(page: Page, url: string): Promise<string[]> {
  const role = [...pages.entries()].find(([, p]) => p === page)?.[0];
  const key = `${role ?? "other"} ${url}`;
  let read = role ? links.get(key) : undefined;
  if (!read) {
    read = (async () => {
      await page.goto(url);
      // Some tables fetch their rows after the first paint.
      await page.waitForLoadState("networkidle", { timeout: 3_000 }).catch(() => {});
      return page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    })();
    if (role) links.set(key, read);
  }
  return read;
}

async function firstHref(page: Page, url: string, pattern: RegExp): Promise<string | null> {
  return (await hrefsOn(page, url, pattern))[0] ?? null;
}

/** A sub-page of a found page ("/edit"), its query left behind. */
function withSuffix(url: string | null, suffix: string): string | null {
  return url === null ? null : `${url.split("?")[0]}${suffix}`;
}

/** Pages found once serve the sub-pages after them (the batch, its edit and run pages) without a second search. */
const found = new Map<string, string | null>();
function once(key: string, find: (page: Page) => Promise<string | null>) {
  return async (page: Page) => {
    if (!found.has(key)) found.set(key, await find(page));
    return found.get(key) ?? null;
  };
}

const calldogCampaign = once("calldog campaign", (page) => firstHref(page, "/campaigns", new RegExp(`^/campaigns/calldog/${UUID}$`)));
const calldronBatch = once("calldron batch", (page) => firstHref(page, "/campaigns", new RegExp(`^/campaigns/calldron/${UUID}/\\d+$`)));
const obzvonilkaBase = once("obzvonilka base", (page) => firstHref(page, "/lists", new RegExp(`^/lists/obzvonilka/${UUID}/(?!users$)[^/]+$`)));

/** What the pages with an id need, made through the app as an administrator would (local runs only). */
async function makeTheData(browser: Browser) {
  for (const provider of ["calldron", "calldog", "obzvonilka"] as const) await ensureConnection(browser, provider);
  const page = await pageAs(browser, "admin");

  // A Calldog campaign as the wizard's launch stores it (the results and launch pages), through the e2e fixture.
  const accountLink = await firstHref(page, "/calldog", new RegExp(`^/settings/connections/${UUID}/calldog$`));
  const connectionId = accountLink?.split("/")[3];
  const made = await page.request.post("/api/e2e/calldog-campaigns", { data: { connectionId, name: CAMPAIGN, calls: [] } });
  expect(made.status(), `${SIM_CONNECTIONS.calldog.name}: fixture campaign`).toBe(200);

  // A kept list with an import into it (the list, import and task pages).
  await page.goto("/lists/app");
  await page.getByLabel("Name").fill(KEPT_LIST);
  await page.getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("heading", { name: KEPT_LIST })).toBeVisible();
  await page.goto("/imports/new?target=app");
  await page.getByLabel("File (CSV or XLSX)").setInputFiles({ name: "a11y.csv", mimeType: "text/csv", buffer: Buffer.from("Name,Phone\nAnna,+79990001122\nBoris,12345\n") });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.getByLabel("Kept contact list").selectOption({ label: KEPT_LIST });
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.getByRole("button", { name: "Start the import" }).click();
  await expect(page).toHaveURL(new RegExp(`/imports/${UUID}$`));

  // An IVR menu template (the template page); removed in afterAll.
  await page.goto("/campaigns/calldog/menus/new");
  await page.getByLabel("Template name").fill(MENU);
  await page.getByRole("button", { name: "Add a key" }).click();
  await page.getByTestId("ivr-handler-1").getByLabel("Add to the blacklist").check();
  await page.getByRole("button", { name: "Save", exact: true }).last().click();
  await expect(page).toHaveURL(/\/campaigns\/calldog\/menus\?saved=/);
  await page.context().close();
}

async function removeTheMenu(browser: Browser) {
  const page = await pageAs(browser, "admin");
  await page.goto("/campaigns/calldog/menus");
  const row = page.getByTestId(`ivr-template-${MENU}`);
  if ((await row.count()) > 0) {
    await row.getByRole("button", { name: /Delete/ }).click();
    const dialog = page.getByRole("dialog");
    if (await dialog.isVisible().catch(() => false)) await dialog.getByRole("button", { name: /Delete/ }).click();
    await expect(row).toHaveCount(0);
  }
  await page.context().close();
}

// Keyboard alone --------------------------------------------------------------------------------------------

test("keyboard only: an audio record is uploaded from the file chooser, named and sent, without the mouse", async ({ browser }) => {
  test.skip(AGAINST_DEPLOYMENT, "creates a record at the provider: run against the simulators only");
  const page = await pageAs(browser, "manager");
  await page.goto("/audio");
  const form = page.getByRole("form", { name: "New record from a file" });
  const name = `Keyboard ${stamp}`;
  await tabTo(page, form.getByLabel("Record name"));
  await page.keyboard.type(name);
  // The drop zone is for the mouse; its "Choose a file" button is the keyboard's way to the file chooser.
  await chooseByKeyboard(page, form.getByRole("button", { name: "Choose a file" }), { name: "keyboard.wav", mimeType: "audio/wav", buffer: makeWav(1) });
  await expect(form.getByRole("group", { name: "Preview of keyboard.wav" })).toBeVisible();
  await tabTo(page, form.getByRole("button", { name: "Send to Calldog" }));
  await page.keyboard.press("Enter");
  await expect(form.getByText("The record was created in Calldog and added to the list.")).toBeVisible();
  await page.context().close();
});

test("keyboard only: a spreadsheet is chosen for an import and uploaded, without the mouse", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/imports/new");
  // As with the audio upload, the drop zone is for the mouse and its button opens the file chooser.
  await chooseByKeyboard(page, page.getByRole("button", { name: "Choose a file" }), { name: "keyboard.csv", mimeType: "text/csv", buffer: Buffer.from("Name,Phone\nAnna,+79990001122\nBoris,+79990001133\n") });
  await expect(page.getByTestId("import-chosen-file")).toContainText("keyboard.csv");
  await tabTo(page, page.getByRole("button", { name: "Upload and preview" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("upload-summary")).toContainText("keyboard.csv: CSV");
  await page.context().close();
});

/**
 * Tab to a "Choose a file" button and press Enter: the file chooser must open, and gets `file`. The wait for the
 * chooser starts before the page is even settled: Playwright turns on its interception of file choosers when the
 * first listener is added, without waiting for the browser, and an Enter that got there first opened the browser's
 * own dialog instead (seen on CI: no chooser event in the whole test, and no chooser for a second Enter either).
 */
async function chooseByKeyboard(page: Page, button: ReturnType<Page["locator"]>, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent("filechooser", { timeout: 30_000 });
  await settle(page);
  await tabTo(page, button);
  await page.keyboard.press("Enter");
  try {
    await (await chooser).setFiles(file);
  } catch (error) {
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").trim().slice(0, 60)}"` : "nothing";
    });
    throw new Error(`Enter on "Choose a file" opened no file chooser; the focus was on ${focused}: ${error}`);
  }
}

/** Moves the focus with Tab only, as a keyboard user does, until `target` has it. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}
