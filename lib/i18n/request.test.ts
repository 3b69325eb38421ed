import { describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({ fail: undefined as Error | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => ({ value: "en" }) }),
  headers: async () => new Headers(),
}));
vi.mock("next-intl/server", () => ({ getRequestConfig: (fn: unknown) => fn }));
vi.mock("@/lib/auth/current-user", () => ({
  sessionUser: async () => {
    if (state.fail) throw state.fail;
    return { timeZone: "Asia/Yekaterinburg" };
  },
}));

const { default: requestConfig } = (await import("@/lib/i18n/request")) as unknown as { default: () => Promise<{ locale: string; timeZone: string }> };

describe("the request's language and time zone", () => {
  it("survive a database outage (every page's root layout reads them; the page's own read shows the outage)", async () => {
    expect(await requestConfig()).toMatchObject({ locale: "en", timeZone: "Asia/Yekaterinburg" });
    state.fail = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(await requestConfig()).toMatchObject({ locale: "en", timeZone: "Europe/Moscow" });
    state.fail = new Error("something else");
    await expect(requestConfig()).rejects.toThrow("something else");
    state.fail = undefined;
  });
});
