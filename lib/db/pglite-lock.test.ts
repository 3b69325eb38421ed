import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquirePgliteLock } from "@/lib/db/pglite-lock";

function tempDb() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "prozvon-lock-"));
  return { dir: path.join(root, "pglite"), lock: path.join(root, "pglite.lock") };
}

describe("PGlite directory lock", () => {
  it("keeps a second live process out, naming it", () => {
    const { dir, lock } = tempDb();
    fs.writeFileSync(lock, String(process.ppid)); // the parent process is alive
    expect(() => acquirePgliteLock(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  });

  it("takes over a lock left by a dead process, and releases it", () => {
    const { dir, lock } = tempDb();
    fs.writeFileSync(lock, "99999999");
    const release = acquirePgliteLock(dir);
    expect(fs.readFileSync(lock, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lock)).toBe(false);
  });
});
