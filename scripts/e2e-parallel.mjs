// npm test's end-to-end step: the Playwright suite as two runs at once, each against its own app, simulators and
// database (own ports and data folder), so that no spec sees another's faults, users or rows. Each run does the
// first-run set-up and the foundation spec (the others depend on them), then its share of the other specs.
// The two JSON reports are merged into one (PW_JSON_OUTPUT), a test that ran in both counted once, by its worse
// outcome. `E2E_RUNS=1` runs the suite as one run, as `npx playwright test` does.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const DEPENDENCIES = ["e2e/first-run.setup.ts", "e2e/foundation.spec.ts"];
// Seconds each spec took in a single run on a 2-core machine (docs/performance.md, "CI time"); a spec not listed
// counts as 60. Used only to share the specs out evenly.
const SECONDS = {
  "accessibility.spec.ts": 165,
  "calldron-calls.spec.ts": 145,
  "calldron-batches.spec.ts": 150,
  "calls.spec.ts": 100,
  "calldog-ivr.spec.ts": 85,
  "calldron-lists.spec.ts": 80,
  "obzvonilka.spec.ts": 85,
  "launch-safeguards.spec.ts": 150,
  "calldog-results.spec.ts": 65,
  "calldron-run-list.spec.ts": 60,
  "calldog-campaign.spec.ts": 50,
  "imports.spec.ts": 70,
  "dnc.spec.ts": 60,
  "overview.spec.ts": 50,
  "security.spec.ts": 45,
  "hostile-text.spec.ts": 40,
  "webhooks.spec.ts": 40,
  "dialing-policy.spec.ts": 30,
  "audio-library.spec.ts": 20,
};

const output = process.env.PW_JSON_OUTPUT ?? ".ci-out/playwright.json";
const runCount = Number(process.env.E2E_RUNS ?? 2);
const specs = fs
  .readdirSync("e2e")
  .filter((f) => f.endsWith(".spec.ts") && !DEPENDENCIES.includes(`e2e/${f}`))
  .sort((a, b) => (SECONDS[b] ?? 60) - (SECONDS[a] ?? 60));
const shares = Array.from({ length: runCount }, () => ({ seconds: 0, files: [] }));
for (const spec of specs) {
  const lightest = shares.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  lightest.seconds += SECONDS[spec] ?? 60;
  lightest.files.push(`e2e/${spec}`);
}

const runs = shares.map((share, i) => {
  const name = String.fromCharCode(97 + i);
  const report = path.join(path.dirname(output), `playwright-${name}.json`);
  fs.rmSync(report, { force: true });
  const env = {
    ...process.env,
    E2E_PORT: String(Number(process.env.E2E_PORT ?? 3100) + i),
    SIM_PORT: String(Number(process.env.SIM_PORT ?? 4011) + i * 10),
    E2E_DATA_DIR: i === 0 ? ".data/e2e" : `.data/e2e-${name}`,
    E2E_OUTPUT_DIR: runCount === 1 ? "test-results" : `test-results/run-${name}`,
    PW_JSON_OUTPUT: report,
  };
  console.log(`[e2e ${name}] ${share.files.length} specs (~${share.seconds} s in one run): ${share.files.map((f) => path.basename(f)).join(", ")}`);
  const child = spawn("npx", ["--no-install", "playwright", "test", ...DEPENDENCIES, ...share.files], { env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = "";
    stream.on("data", (chunk) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) console.log(`[e2e ${name}] ${line}`);
    });
  }
  return { report, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1))) };
});

const codes = await Promise.all(runs.map((r) => r.exited));
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, JSON.stringify(mergeReports(runs.map((r) => r.report))));
process.exit(codes.every((c) => c === 0) ? 0 : 1);

/** One Playwright JSON report from several: its stats count each test once (file, line, project, title). */
function mergeReports(files) {
  const rank = { unexpected: 3, flaky: 2, expected: 1, skipped: 0 };
  const outcomes = new Map();
  const errors = [];
  for (const file of files) {
    if (!fs.existsSync(file)) {
      errors.push({ message: `no report at ${file}: that run did not finish` });
      continue;
    }
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    errors.push(...(report.errors ?? []));
    const walk = (suite) => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          const key = `${spec.file}:${spec.line}:${test.projectName}:${spec.title}`;
          const before = outcomes.get(key);
          if (!before || rank[test.status] > rank[before]) outcomes.set(key, test.status);
        }
      }
      for (const child of suite.suites ?? []) walk(child);
    };
    for (const suite of report.suites ?? []) walk(suite);
  }
  const stats = { expected: 0, unexpected: 0, flaky: 0, skipped: 0 };
  for (const status of outcomes.values()) stats[status]++;
  return { stats, errors, reports: files };
}
