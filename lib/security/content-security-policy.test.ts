import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("content security policy", () => {
  it("allows scripts by nonce only, never eval, and no framing, in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'");
  });

  it("allows eval and the hot-reload socket in next dev only", () => {
    const csp = contentSecurityPolicy({ nonce: "n", dev: true });
    expect(directive(csp, "script-src")).toContain("'unsafe-eval'");
    expect(directive(csp, "connect-src")).toContain("ws:");
  });

  it("makes a fresh unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
