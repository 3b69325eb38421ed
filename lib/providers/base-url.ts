import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

/** Why a base URL is refused; each is a message key under `errors`. */
export type BaseUrlProblem = "baseUrlInvalid" | "baseUrlInsecure" | "baseUrlPrivate" | "baseUrlUnresolved";

type Policy = { development: boolean; allowLoopback: boolean };
type Resolve = (host: string) => Promise<string[]>;

/**
 * The one rule for where a connection may send its API key (create, edit and test all ask it):
 * - an http(s) URL without credentials in it;
 * - outside development, `https` — plain `http` only to this machine, so a key never crosses a network in clear;
 * - outside development, a host that resolves to a public address: a private, link-local or loopback one
 *   would let an admin's form probe the app's own network. The simulators listen on 127.0.0.1, so the demo and
 *   the end-to-end run allow loopback (and only loopback) with ALLOW_LOOPBACK_PROVIDERS=1.
 */
export async function baseUrlProblem(value: string, policy: Policy = currentPolicy(), resolve: Resolve = resolveAll): Promise<BaseUrlProblem | null> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "baseUrlInvalid";
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) return "baseUrlInvalid";
  if (policy.development) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return "baseUrlUnresolved";
  }
  if (addresses.length === 0) return "baseUrlUnresolved";
  const loopback = addresses.every(isLoopback);
  if (url.protocol === "http:" && !loopback) return "baseUrlInsecure";
  if (loopback) return policy.allowLoopback ? null : "baseUrlPrivate";
  if (addresses.some(isPrivate)) return "baseUrlPrivate";
  return null;
}

function currentPolicy(): Policy {
  const e = env();
  return { development: e.NODE_ENV === "development", allowLoopback: e.ALLOW_LOOPBACK_PROVIDERS };
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
}

const loopbacks = new BlockList();
loopbacks.addSubnet("127.0.0.0", 8, "ipv4");
loopbacks.addAddress("::1", "ipv6");

// Everything that is not the public internet: private, loopback, link-local, carrier-grade NAT, "this network",
// benchmarking, multicast and reserved; IPv6 unique-local, link-local, unspecified, and IPv4 mapped into IPv6.
const nonPublic = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  nonPublic.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  nonPublic.addSubnet(net, bits, "ipv6");

function mappedIpv4(address: string): string | undefined {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
}

function isLoopback(address: string): boolean {
  const v4 = mappedIpv4(address);
  if (v4) return loopbacks.check(v4, "ipv4");
  return loopbacks.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

function isPrivate(address: string): boolean {
  const v4 = mappedIpv4(address);
  if (v4) return nonPublic.check(v4, "ipv4");
  return nonPublic.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}
