import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no lock of its own, and two processes opening one directory corrupt it.
 * A lock file with the owner's pid keeps a second process out; a stale one (dead pid) is taken over.
 */
export function acquirePgliteLock(dir: string): () => void {
  const lockPath = path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
  const owner = readOwner(lockPath);
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `The embedded database ${dir} is in use by process ${owner} (the running app?). ` +
        "Stop it first, or run this against the app's PostgreSQL with DATABASE_URL.",
    );
  }
  fs.writeFileSync(lockPath, String(process.pid));
  const release = () => {
    if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
  };
  process.once("exit", release);
  return release;
}

function readOwner(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
