import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeKeyring, open, seal, sealedKeyId, SecretBoxError } from "@/lib/crypto/secret-box";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");

describe("secret box (AES-256-GCM)", () => {
  it("round-trips a secret and names the key it used", () => {
    const ring = makeKeyring(keyA);
    const sealed = seal("api-key-секрет-123", ring, "ctx");
    expect(sealed).not.toContain("api-key");
    expect(sealedKeyId(sealed)).toBe(ring.current.id);
    expect(open(sealed, ring, "ctx")).toBe("api-key-секрет-123");
  });

  it("never produces the same ciphertext twice", () => {
    const ring = makeKeyring(keyA);
    expect(seal("x", ring, "ctx")).not.toBe(seal("x", ring, "ctx"));
  });

  it("fails loudly on a tampered ciphertext, tag or iv", () => {
    const ring = makeKeyring(keyA);
    const parts = seal("secret", ring, "ctx").split(".");
    for (const index of [2, 3, 4]) {
      const copy = [...parts];
      const bytes = Buffer.from(copy[index] as string, "base64");
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      copy[index] = bytes.toString("base64");
      expect(() => open(copy.join("."), ring, "ctx")).toThrow(SecretBoxError);
    }
  });

  it("fails loudly with the wrong key or the wrong context", () => {
    const sealed = seal("secret", makeKeyring(keyA), "connection:1");
    expect(() => open(sealed, makeKeyring(keyB), "connection:1")).toThrow(/not configured/);
    // Same key id, different bytes: forge the id to force a decryption attempt.
    const forged = sealed.replace(makeKeyring(keyA).current.id, makeKeyring(keyB).current.id);
    expect(() => open(forged, makeKeyring(keyB), "connection:1")).toThrow(/failed authentication/);
    expect(() => open(sealed, makeKeyring(keyA), "connection:2")).toThrow(/failed authentication/);
  });

  it("decrypts with an old key kept in the keyring", () => {
    const sealed = seal("secret", makeKeyring(keyA), "ctx");
    expect(open(sealed, makeKeyring(keyB, [keyA]), "ctx")).toBe("secret");
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => makeKeyring(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
