/**
 * The three provider simulators on one port: `npm run sim [-- --demo] [-- --persist <file>]`.
 * Environment: SIM_PORT (4010), SIM_TIME_SCALE (1; the demo uses e.g. 30), SIM_SEED (42).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { SimClock } from "@/lib/sim/clock";
import { createAllSims } from "@/lib/sim/providers";
import { startSimServer } from "@/lib/sim/server";

const { values: flags } = parseOptions();
const settings = env();
const demoData = flags.demo === true;
const persistPath = flags.persist ?? (demoData ? path.join(settings.DATA_DIR, "sim-state.json") : undefined);

const providers = createAllSims({ demoData });
const server = await startSimServer({
  providers,
  port: settings.SIM_PORT,
  clock: new SimClock(settings.SIM_TIME_SCALE),
  seed: settings.SIM_SEED,
  persistPath,
});

console.info(`[sim] listening on ${server.url} (demo data: ${demoData ? "on" : "off"}, time ×${settings.SIM_TIME_SCALE}, seed ${settings.SIM_SEED})`);
console.info(`[sim] state: ${persistPath ? `saved to ${persistPath}` : "in memory only"}; controls under ${server.url}/_sim/`);
for (const provider of providers) {
  console.info(`\n[sim] ${provider.provider}: ${server.url}${provider.prefix}/`);
  for (const account of provider.describeAccounts()) console.info(`[sim]   ${account.key}  ${account.label}`);
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.info(`\n[sim] ${signal}: saving state and stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("[sim] could not stop cleanly:", error);
        process.exit(1);
      },
    );
  });
}

function parseOptions() {
  try {
    return parseArgs({
      options: { demo: { type: "boolean" }, persist: { type: "string" } },
      allowPositionals: false,
    });
  } catch (error) {
    console.error(`[sim] ${(error as Error).message}\nusage: npm run sim -- [--demo] [--persist <file>]`);
    process.exit(2);
  }
}
