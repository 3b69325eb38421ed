import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { ipFromHeaders } from "@/lib/request-ip";
import { normalizeAddress, SOCKET_ADDRESS_HEADER, stampSocketAddress } from "@/scripts/client-address.mjs";

function withEnv(vars: Record<string, string>) {
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  resetEnvCache();
}

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe("client address", () => {
  it("with no proxy trusted, is the socket's address stamped by the start script; X-Forwarded-For is ignored", () => {
    withEnv({ TRUST_PROXY: "", PROZVON_SOCKET_ADDRESS: "1" });
    const h = new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7", [SOCKET_ADDRESS_HEADER]: "203.0.113.9" });
    expect(ipFromHeaders(h)).toBe("203.0.113.9");
    expect(ipFromHeaders(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
  });

  it("with TRUST_PROXY=1, takes the rightmost X-Forwarded-For entry: the one the operator's proxy wrote", () => {
    withEnv({ TRUST_PROXY: "1", PROZVON_SOCKET_ADDRESS: "1" });
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7", [SOCKET_ADDRESS_HEADER]: "10.0.0.1" });
    expect(ipFromHeaders(h)).toBe("10.0.0.7");
    expect(ipFromHeaders(new Headers({ "x-real-ip": "10.1.1.1" }))).toBe("10.1.1.1");
    expect(ipFromHeaders(new Headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.1" }))).toBe("10.0.0.1");
  });

  it("started without the start script (next dev), falls back to Next's own X-Forwarded-For", () => {
    withEnv({ TRUST_PROXY: "", PROZVON_SOCKET_ADDRESS: "", NODE_ENV: "development" });
    expect(ipFromHeaders(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
    expect(ipFromHeaders(new Headers())).toBe("unknown");
  });

  it("the start script drops a client's own value of the header before stamping the socket's", () => {
    const headers: Record<string, string | string[] | undefined> = { [SOCKET_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" };
    stampSocketAddress(headers, "::ffff:192.0.2.4");
    expect(headers[SOCKET_ADDRESS_HEADER]).toBe("192.0.2.4");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress(undefined)).toBe("unknown");
  });
});
