import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** A 32-byte AES-256 key and its id (the first 8 hex digits of its SHA-256), so ciphertexts name their key. */
export type DataKey = { id: string; key: Buffer };
export type Keyring = { current: DataKey; all: Map<string, DataKey> };

const VERSION = "v1";

export class SecretBoxError extends Error {}

export function parseDataKey(base64: string): DataKey {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== 32) {
    throw new SecretBoxError("An encryption key must be exactly 32 bytes, base64-encoded (openssl rand -base64 32).");
  }
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

export function makeKeyring(currentBase64: string, oldBase64: string[] = []): Keyring {
  const current = parseDataKey(currentBase64);
  const all = new Map<string, DataKey>([[current.id, current]]);
  for (const old of oldBase64) {
    const k = parseDataKey(old);
    if (!all.has(k.id)) all.set(k.id, k);
  }
  return { current, all };
}

/** AES-256-GCM; `context` is bound as additional data so a ciphertext cannot be moved to another row. */
export function seal(plaintext: string, keyring: Keyring, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyring.current.id, iv.toString("base64"), tag.toString("base64"), body.toString("base64")].join(".");
}

export function open(sealed: string, keyring: Keyring, context: string): string {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretBoxError("Not a sealed secret.");
  const [, kid, iv, tag, body] = parts as [string, string, string, string, string];
  const dataKey = keyring.all.get(kid);
  if (!dataKey) throw new SecretBoxError(`The secret was sealed with key ${kid}, which is not configured.`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", dataKey.key, Buffer.from(iv, "base64"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("The secret failed authentication: wrong key or tampered ciphertext.");
  }
}

export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split(".")[1];
}
