import { headers } from "next/headers";

/**
 * The client's address. The rightmost X-Forwarded-For entry is the one written by the nearest proxy
 * (or by Next itself from the socket when no proxy is in front): entries to its left are whatever the
 * client sent and cannot be trusted for throttling. Behind a load balancer, that is the balancer's view.
 */
export function ipFromHeaders(h: Headers): string {
  const entries = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries.at(-1) || h.get("x-real-ip") || "unknown";
}

export async function requestIp(): Promise<string> {
  return ipFromHeaders(await headers());
}
