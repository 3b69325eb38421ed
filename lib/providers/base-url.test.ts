import { describe, expect, it } from "vitest";
import { baseUrlProblem } from "@/lib/providers/base-url";

const production = { development: false, allowLoopback: false };
const demo = { development: false, allowLoopback: true };
const development = { development: true, allowLoopback: false };
const dns: Record<string, string[]> = {
  "lk.calldog.ru": ["93.158.134.3"],
  "intranet.example": ["10.1.2.3"],
  "rebind.example": ["93.158.134.3", "192.168.0.5"],
  "metadata.example": ["169.254.169.254"],
  "v6private.example": ["fd00::5"],
  localhost: ["127.0.0.1", "::1"],
};
const resolve = async (host: string) => {
  const found = dns[host];
  if (!found) throw new Error("ENOTFOUND");
  return found;
};
const check = (url: string, policy = production) => baseUrlProblem(url, policy, resolve);

describe("a connection's base URL", () => {
  it("must be an http(s) URL without credentials, everywhere", async () => {
    expect(await check("ftp://lk.calldog.ru/", development)).toBe("baseUrlInvalid");
    expect(await check("https://user:pw@lk.calldog.ru/", development)).toBe("baseUrlInvalid");
    expect(await check("not a url", development)).toBe("baseUrlInvalid");
  });

  it("in production, is https to a public address", async () => {
    expect(await check("https://lk.calldog.ru/")).toBeNull();
    expect(await check("https://93.158.134.3/api/")).toBeNull();
    expect(await check("http://lk.calldog.ru/")).toBe("baseUrlInsecure");
  });

  it("in production, never resolves to a private, link-local or loopback address, by name or literal", async () => {
    for (const url of [
      "https://intranet.example/",
      "https://rebind.example/",
      "https://metadata.example/",
      "https://v6private.example/",
      "https://10.0.0.1/",
      "https://172.20.1.1/",
      "https://192.168.1.1/",
      "https://[::ffff:10.0.0.1]/",
      "https://[fe80::1]/",
      "https://0.0.0.0/",
    ]) {
      expect(await check(url), url).toBe("baseUrlPrivate");
    }
    expect(await check("http://127.0.0.1:4010/calldron/v1/")).toBe("baseUrlPrivate");
    expect(await check("https://localhost/")).toBe("baseUrlPrivate");
    expect(await check("https://no-such-host.example/")).toBe("baseUrlUnresolved");
  });

  it("with ALLOW_LOOPBACK_PROVIDERS (demo, e2e), may be plain http to this machine only", async () => {
    expect(await check("http://127.0.0.1:4010/calldron/v1/", demo)).toBeNull();
    expect(await check("http://localhost:4010/", demo)).toBeNull();
    expect(await check("http://[::1]:4010/", demo)).toBeNull();
    expect(await check("http://intranet.example/", demo)).toBe("baseUrlInsecure");
    expect(await check("https://intranet.example/", demo)).toBe("baseUrlPrivate");
  });

  it("in development, anything http(s) goes", async () => {
    expect(await check("http://intranet.example/", development)).toBeNull();
    expect(await check("http://127.0.0.1:9/", development)).toBeNull();
  });
});
