import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env, mayGenerateSecrets } from "@/lib/env";

type Secrets = { authSecret: string; encryptionKey: string; oldEncryptionKeys: string[] };
type SecretsFile = { AUTH_SECRET?: string; APP_ENCRYPTION_KEY?: string; APP_ENCRYPTION_OLD_KEYS?: string[] };

let cached: Secrets | undefined;

export function secretsFilePath(): string {
  return path.resolve(env().DATA_DIR, "secrets.json");
}

/**
 * AUTH_SECRET and APP_ENCRYPTION_KEY come from the environment. Outside production (or in the demo)
 * a missing one is generated once into .data/secrets.json, so a fresh clone starts with no set-up.
 */
export function secrets(): Secrets {
  if (cached) return cached;
  const e = env();
  const fromFile = readSecretsFile();
  const missing: string[] = [];
  if (!e.AUTH_SECRET && !fromFile.AUTH_SECRET) missing.push("AUTH_SECRET");
  if (!e.APP_ENCRYPTION_KEY && !fromFile.APP_ENCRYPTION_KEY) missing.push("APP_ENCRYPTION_KEY");

  if (missing.length > 0) {
    if (!mayGenerateSecrets()) {
      throw new Error(
        `Refusing to start in production without ${missing.join(" and ")}. ` +
          "Set AUTH_SECRET to a random string of 32+ characters and APP_ENCRYPTION_KEY to 32 random bytes in base64 " +
          "(generate both with: openssl rand -base64 32).",
      );
    }
    if (!fromFile.AUTH_SECRET && !e.AUTH_SECRET) fromFile.AUTH_SECRET = randomBytes(32).toString("base64");
    if (!fromFile.APP_ENCRYPTION_KEY && !e.APP_ENCRYPTION_KEY)
      fromFile.APP_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    writeSecretsFile(fromFile);
    console.warn(
      `[prozvon] ${missing.join(" and ")} not set: generated into ${secretsFilePath()} (development/demo only).`,
    );
  }

  cached = {
    authSecret: e.AUTH_SECRET || fromFile.AUTH_SECRET || "",
    encryptionKey: e.APP_ENCRYPTION_KEY || fromFile.APP_ENCRYPTION_KEY || "",
    oldEncryptionKeys: [
      ...(e.APP_ENCRYPTION_OLD_KEYS?.split(",").map((k) => k.trim()).filter(Boolean) ?? []),
      ...(fromFile.APP_ENCRYPTION_OLD_KEYS ?? []),
    ],
  };
  return cached;
}

export function readSecretsFile(): SecretsFile {
  try {
    return JSON.parse(fs.readFileSync(secretsFilePath(), "utf8")) as SecretsFile;
  } catch {
    return {};
  }
}

export function writeSecretsFile(data: SecretsFile): void {
  fs.mkdirSync(path.dirname(secretsFilePath()), { recursive: true });
  fs.writeFileSync(secretsFilePath(), `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  cached = undefined;
}

export function resetSecretsCache(): void {
  cached = undefined;
}
