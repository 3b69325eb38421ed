import fs from "node:fs";
import path from "node:path";

/** The suite writes users and connections: it refuses to run against anything but a local database. */
export default function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (url && !/@(localhost|127\.0\.0\.1)(:\d+)?\//.test(url)) {
    throw new Error(`Refusing to run the end-to-end suite against a non-local database (${new URL(url).host}).`);
  }
  // Every run starts on a fresh database: a manager session saved by an earlier run would be a dead cookie.
  fs.rmSync(path.resolve(".data/e2e-auth/manager.json"), { force: true });
}
