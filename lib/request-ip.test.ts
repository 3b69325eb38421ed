import { describe, expect, it } from "vitest";
import { ipFromHeaders } from "@/lib/request-ip";

describe("client address", () => {
  it("takes the rightmost X-Forwarded-For entry: the one the nearest proxy wrote", () => {
    expect(ipFromHeaders(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(ipFromHeaders(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
  });

  it("falls back to X-Real-IP, then to unknown", () => {
    expect(ipFromHeaders(new Headers({ "x-real-ip": "10.1.1.1" }))).toBe("10.1.1.1");
    expect(ipFromHeaders(new Headers())).toBe("unknown");
  });
});
