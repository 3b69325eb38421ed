import fs from "node:fs";
import path from "node:path";
import { STATE_DIR } from "./support";

/** The suite writes users and connections: it refuses to run against anything but a local database. */
export default function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (url && !/@(localhost|127\.0\.0\.1)(:\d+)?\//.test(url)) {
    throw new Error(`Refusing to run the end-to-end suite against a non-local database (${new URL(url).host}).`);
  }
  // Every run starts from a fresh database: a manager session saved by the last run (pageAs) is void.
  fs.rmSync(path.join(STATE_DIR, "manager.json"), { force: true });
  if (process.env.E2E_BASE_URL) {
    console.info(
      `[e2e] Against the deployment at ${process.env.E2E_BASE_URL}: no local server; accounts from E2E_ADMIN_* and E2E_MANAGER_*; ` +
        "the tests tagged @sim need the simulators and are skipped (the reason is in each one's report).",
    );
  }
}
