import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

const session = vi.hoisted(() => ({ mustChangePassword: false, outage: false }));
vi.mock("@/lib/auth/current-user", () => ({
  sessionUser: async () => {
    if (session.outage) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    return { id: "u", email: "u@x.test", name: "", role: "manager", locale: null, mustChangePassword: session.mustChangePassword };
  },
}));
// A translator per namespace that says where it looked a key up.
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) =>
    Object.assign((key: string) => `${namespace ?? "root"}:${key}`, { has: (key: string) => !key.startsWith("missing") }),
}));

const { action } = await import("@/lib/actions/safe-action");
const { SafeError } = await import("@/lib/errors");

describe("action() messages", () => {
  const schema = z.object({ a: z.string().min(1, "nameRequired"), b: z.string().min(1, "batchForm.errors.nameTaken"), c: z.string().min(1, "missingKey") });

  it("looks plain keys up under errors and dotted keys in their own namespace", async () => {
    const run = action({ role: "any", schema }, async () => "done");
    const result = await run({ a: "", b: "", c: "" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { a: "errors:nameRequired", b: "root:batchForm.errors.nameTaken", c: "errors:invalidField" } });
  });

  it("does the same for a SafeError and its field errors", async () => {
    const run = action({ role: "any", schema: z.object({}) }, async () => {
      throw new SafeError("batchErrors.timeout", {}, { name: "batchForm.errors.nameTaken" });
    });
    expect(await run({})).toMatchObject({ ok: false, error: "root:batchErrors.timeout", fieldErrors: { name: "root:batchForm.errors.nameTaken" } });
  });
});

describe("a user who must change a temporary password", () => {
  it("is refused every action but the one marked for the change, before it runs", async () => {
    session.mustChangePassword = true;
    let ran = 0;
    const other = action({ role: "any", schema: z.object({}) }, async () => ++ran);
    const change = action({ role: "any", schema: z.object({}), whileMustChangePassword: true }, async () => ++ran);
    try {
      expect(await other({})).toMatchObject({ ok: false, code: "forbidden", error: "errors:passwordChangeRequired" });
      expect(ran).toBe(0);
      expect(await change({})).toEqual({ ok: true, data: 1 });
    } finally {
      session.mustChangePassword = false;
    }
  });
});

describe("a database outage", () => {
  it("is said as such, not as an unexpected error, whether it meets the session or the action's own query", async () => {
    const failing = action({ role: "any", schema: z.object({}) }, async () => {
      throw new Error("Failed query: select 1", { cause: Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }) });
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await failing({})).toMatchObject({ ok: false, code: "failed", error: "errors:databaseUnavailable", keys: { error: { key: "databaseUnavailable" } } });
      session.outage = true;
      expect(await action({ role: "any", schema: z.object({}) }, async () => "done")({})).toMatchObject({ ok: false, error: "errors:databaseUnavailable" });
    } finally {
      session.outage = false;
      errors.mockRestore();
    }
  });
});
