import { Auth } from "@auth/core";
import Credentials from "@auth/core/providers/credentials";
import { afterEach, describe, expect, it, vi } from "vitest";

// A real sign-in through Auth.js with the app's config: the Set-Cookie of the session as a browser gets it.
async function signInCookie(nodeEnv: string): Promise<string> {
  vi.stubEnv("NODE_ENV", nodeEnv);
  vi.resetModules();
  const { authConfig } = await import("@/app/(auth)/auth.config");
  const config = {
    ...authConfig,
    secret: "a-test-secret-of-enough-length-000000",
    trustHost: true,
    basePath: "/api/auth",
    providers: [Credentials({ credentials: { email: {} }, authorize: async () => ({ id: "u1", email: "a@x.test", sessionVersion: 1 }) as never })],
  };
  const base = "http://localhost:3000/api/auth";
  const csrf = await Auth(new Request(`${base}/csrf`), config);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await Auth(
    new Request(`${base}/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, email: "a@x.test" }),
    }),
    config,
  );
  const session = res.headers.getSetCookie().find((c) => c.includes("authjs.session-token="));
  expect(session, "a session cookie is set").toBeDefined();
  return session as string;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax and Secure (with the __Secure- prefix) in production", async () => {
    const cookie = await signInCookie("production");
    expect(cookie).toMatch(/^__Secure-authjs\.session-token=/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Secure/i);
  });

  it("is HttpOnly and SameSite=Lax but not Secure in development, over plain http", async () => {
    const cookie = await signInCookie("development");
    expect(cookie).toMatch(/^authjs\.session-token=/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });
});
