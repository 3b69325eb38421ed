import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { resetSecretsCache, secrets } from "@/lib/secrets";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
  resetSecretsCache();
});

function freshEnv(vars: Record<string, string | undefined>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prozvon-secrets-"));
  process.env = { ...saved, DATA_DIR: dir, AUTH_SECRET: "", APP_ENCRYPTION_KEY: "", PROZVON_DEMO: "", ...vars } as NodeJS.ProcessEnv;
  resetEnvCache();
  resetSecretsCache();
  return dir;
}

describe("secrets", () => {
  it("refuses a production start without them, saying what to set", () => {
    freshEnv({ NODE_ENV: "production" });
    expect(() => secrets()).toThrow(/AUTH_SECRET and APP_ENCRYPTION_KEY.*openssl rand -base64 32/s);
  });

  it("generates them once into the data folder in development, and reuses them", () => {
    const dir = freshEnv({ NODE_ENV: "development" });
    const first = secrets();
    expect(Buffer.from(first.encryptionKey, "base64")).toHaveLength(32);
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
    resetSecretsCache();
    expect(secrets()).toEqual(first);
  });

  it("the demo may generate them even in a production build", () => {
    freshEnv({ NODE_ENV: "production", PROZVON_DEMO: "1" });
    expect(secrets().encryptionKey).not.toBe("");
  });

  it("prefers the environment", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    freshEnv({ NODE_ENV: "production", AUTH_SECRET: "s".repeat(40), APP_ENCRYPTION_KEY: key });
    expect(secrets()).toMatchObject({ authSecret: "s".repeat(40), encryptionKey: key });
  });
});
