import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// E2E_BASE_URL points the suite at a running deployment: no local server is started, the accounts come from
// E2E_ADMIN_* / E2E_MANAGER_*, and the tests tagged @sim (they need the simulators) are skipped — see docs/qa.md.
const deployment = process.env.E2E_BASE_URL?.replace(/\/$/, "");
const baseURL = deployment ?? `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Each of scripts/e2e-parallel.mjs's two runs cleans only its own folder at its start.
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  forbidOnly: Boolean(process.env.CI),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // npm test runs the suite as two runs at once on CI's two cores (scripts/e2e-parallel.mjs): a page can take several
  // seconds there, so the waits are generous; a passing test does not wait for them.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.PW_JSON_OUTPUT ? [["list"], ["json", { outputFile: process.env.PW_JSON_OUTPUT }]] : [["list"]],
  use: {
    baseURL,
    // Recording a trace costs every test ~15 % more time (measured on CI's machine), so CI keeps only the failure's
    // screenshot and error context; a local run keeps the trace of a failed test.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "first-run", testMatch: /first-run\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    // The foundation spec starts from an empty connections page; the workspace specs add their connections after it.
    { name: "foundation", testMatch: /foundation\.spec\.ts/, dependencies: ["first-run"], use: { ...devices["Desktop Chrome"] } },
    { name: "app", testMatch: /.*\.spec\.ts/, testIgnore: /foundation\.spec\.ts/, dependencies: ["foundation"], use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: deployment
    ? undefined
    : {
        command: `node_modules/.bin/tsx scripts/serve.mts --e2e --no-build --port ${PORT}`,
        url: `${baseURL}/api/health`,
        timeout: 120_000,
        reuseExistingServer: !process.env.CI,
        stdout: "ignore",
        stderr: "pipe",
        env: { DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e" },
      },
});
