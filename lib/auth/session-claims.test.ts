import { decode, encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE, sessionClaims, sessionTokenFrom } from "@/lib/auth/session-claims";

// The real decode, watched; the eviction test swaps in a cheap one (a thousand real decryptions take seconds).
vi.mock("next-auth/jwt", async (importOriginal) => {
  const real = await importOriginal<typeof import("next-auth/jwt")>();
  return { ...real, decode: vi.fn(real.decode) };
});

const SECRET = "a-test-secret-of-enough-length-000000";
const mint = (token: Record<string, unknown>, maxAge = 3600, secret = SECRET) => encode({ token, secret, salt: SESSION_COOKIE, maxAge });

afterEach(() => {
  vi.mocked(decode).mockReset();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the session token", () => {
  it("is read from its cookie, or from Auth.js's chunks joined in order", () => {
    expect(sessionTokenFrom([{ name: "other", value: "x" }])).toBeUndefined();
    expect(sessionTokenFrom([{ name: SESSION_COOKIE, value: "abc" }])).toBe("abc");
    const chunks = [
      { name: `${SESSION_COOKIE}.1`, value: "def" },
      { name: `${SESSION_COOKIE}.10`, value: "!" },
      { name: `${SESSION_COOKIE}.0`, value: "abc" },
      { name: `${SESSION_COOKIE}.2`, value: "ghi" },
    ];
    expect(sessionTokenFrom(chunks)).toBe("abcdefghi!");
  });

  it("gives its claims when it decrypts with the secret, nothing when forged, expired or of another secret", async () => {
    const token = await mint({ uid: "u1", sv: 3 });
    expect(await sessionClaims(token, SECRET)).toEqual({ uid: "u1", sv: 3 });
    expect(await sessionClaims(`${token.slice(0, -4)}AAAA`, SECRET)).toBeNull();
    expect(await sessionClaims(await mint({ uid: "u1", sv: 3 }, -60), SECRET)).toBeNull();
    expect(await sessionClaims(await mint({ uid: "u1", sv: 3 }, 3600, "another-secret-of-enough-length-11111"), SECRET)).toBeNull();
    expect(await sessionClaims(await mint({ sub: "u1" }), SECRET)).toBeNull();
    expect(await sessionClaims(undefined, SECRET)).toBeNull();
  });

  it("is decrypted once, then answered from memory until it expires", async () => {
    const token = await mint({ uid: "u2", sv: 1 }, 60);
    const decrypt = vi.spyOn(crypto.subtle, "decrypt");
    expect(await sessionClaims(token, SECRET)).toEqual({ uid: "u2", sv: 1 });
    const decrypts = decrypt.mock.calls.length;
    expect(decrypts).toBeGreaterThan(0);
    expect(await sessionClaims(token, SECRET)).toEqual({ uid: "u2", sv: 1 });
    expect(decrypt.mock.calls.length).toBe(decrypts);
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ["Date"] });
    expect(await sessionClaims(token, SECRET)).toBeNull();
  });

  it("remembered under one secret is not trusted under another", async () => {
    const token = await mint({ uid: "u3", sv: 1 });
    expect(await sessionClaims(token, SECRET)).toEqual({ uid: "u3", sv: 1 });
    expect(await sessionClaims(token, "another-secret-of-enough-length-11111")).toBeNull();
  });

  it("remembered for at most 1000 tokens: the oldest is let go first", async () => {
    // A secret of its own: its first use empties what the tests above left in memory.
    const secret = "an-eviction-secret-of-enough-length-22";
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const decoded = vi.mocked(decode).mockImplementation(async ({ token }) => ({ uid: token, sv: 1, exp }));
    const tokens = Array.from({ length: 1001 }, (_, i) => `t${i}`);
    for (const token of tokens) await sessionClaims(token, secret);
    expect(decoded).toHaveBeenCalledTimes(1001);
    expect(await sessionClaims("t1", secret)).toEqual({ uid: "t1", sv: 1 });
    expect(await sessionClaims("t1000", secret)).toEqual({ uid: "t1000", sv: 1 });
    expect(decoded).toHaveBeenCalledTimes(1001);
    expect(await sessionClaims("t0", secret)).toEqual({ uid: "t0", sv: 1 });
    expect(decoded).toHaveBeenCalledTimes(1002);
  });
});
