import { decode } from "next-auth/jwt";

/**
 * The session cookie's name, also the salt of the token's key. Auth.js would choose the same name from
 * `useSecureCookies`; auth.config.ts sets it from here so that both sides read one value.
 */
export const SESSION_COOKIE = process.env.NODE_ENV === "production" ? "__Secure-authjs.session-token" : "authjs.session-token";

/** What a session token says: whose it is and which of their session versions. */
export type SessionClaims = { uid: string; sv: number };

type CookieLike = { name: string; value: string };

/** The session token from the request's cookies: one cookie, or Auth.js's chunks (`name.0`, `name.1`, …) joined. */
export function sessionTokenFrom(cookies: readonly CookieLike[]): string | undefined {
  const whole = cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (whole) return whole;
  const chunks = cookies
    .filter((c) => c.name.startsWith(`${SESSION_COOKIE}.`) && c.value)
    .map((c) => ({ index: Number(c.name.slice(SESSION_COOKIE.length + 1)), value: c.value }))
    .filter((c) => Number.isInteger(c.index))
    .sort((a, b) => a.index - b.index);
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

// Decrypting a token costs about half a millisecond of CPU (key derivation, AES, HMAC), and a page view used to
// pay for it twice (the proxy and the page), each time through Auth.js's whole session endpoint, which also
// re-encrypted the token for a cookie that neither of them could send. A token's claims never change, so they are
// kept by token, with the token's expiry, a bounded number of them. This is not a session cache: whether the user
// may still use the app (enabled, same session version, role) is read from the database on every request.
const MAX_DECODED = 1_000;
const decoded = new Map<string, SessionClaims & { expiresAt: number }>();
let decodedWith: string | undefined;

/** The claims of a valid, unexpired session token, or null. */
export async function sessionClaims(token: string | undefined, secret: string): Promise<SessionClaims | null> {
  if (!token) return null;
  if (secret !== decodedWith) {
    decoded.clear();
    decodedWith = secret;
  }
  const known = decoded.get(token);
  if (known) {
    if (known.expiresAt > Date.now()) return { uid: known.uid, sv: known.sv };
    decoded.delete(token);
    return null;
  }
  const payload = await decode({ token, secret, salt: SESSION_COOKIE }).catch(() => null);
  if (!payload || typeof payload.uid !== "string" || typeof payload.sv !== "number" || typeof payload.exp !== "number") return null;
  if (payload.exp * 1000 <= Date.now()) return null;
  if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value as string);
  decoded.set(token, { uid: payload.uid, sv: payload.sv, expiresAt: payload.exp * 1000 });
  return { uid: payload.uid, sv: payload.sv };
}
