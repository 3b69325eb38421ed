import { headers } from "next/headers";
import { env } from "@/lib/env";
import { SOCKET_ADDRESS_HEADER } from "@/scripts/client-address.mjs";

let warned = false;

/**
 * The client's address, which the per-address sign-in limit counts by.
 * - TRUST_PROXY=1 (a proxy or load balancer in front, which the operator vouches for): the rightmost
 *   X-Forwarded-For entry, the one that proxy wrote; entries to its left are whatever the client sent.
 * - Otherwise the socket's address, stamped by scripts/start.mjs in a header it first strips from the
 *   request — X-Forwarded-For is then ignored, so sending one dodges nothing.
 * - Started some other way (`next dev`, a bare `next start`), only Next's own X-Forwarded-For is there,
 *   which a client can forge: fine for development, warned about in production.
 */
export function ipFromHeaders(h: Headers): string {
  const e = env();
  if (e.TRUST_PROXY) return rightmostForwardedFor(h) || h.get("x-real-ip") || h.get(SOCKET_ADDRESS_HEADER) || "unknown";
  if (e.PROZVON_SOCKET_ADDRESS) return h.get(SOCKET_ADDRESS_HEADER) || "unknown";
  if (e.NODE_ENV === "production" && !warned) {
    warned = true;
    console.warn("[request-ip] started without scripts/start.mjs (npm start) and without TRUST_PROXY=1: client addresses come from X-Forwarded-For, which a client can forge.");
  }
  return rightmostForwardedFor(h) || "unknown";
}

function rightmostForwardedFor(h: Headers): string | undefined {
  return (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .at(-1);
}

export async function requestIp(): Promise<string> {
  return ipFromHeaders(await headers());
}
