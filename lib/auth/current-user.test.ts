import { beforeEach, describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({
  session: { uid: "u1", sv: 1 } as { uid: string; sv: number } | null,
  user: null as null | Record<string, unknown>,
}));

vi.mock("@/lib/auth/session-claims", () => ({ sessionClaims: async () => state.session, sessionTokenFrom: () => "token" }));
vi.mock("@/lib/secrets", () => ({ secrets: () => ({ authSecret: "s", encryptionKey: "", oldEncryptionKeys: [] }) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => [] }) }));
vi.mock("@/lib/db/queries/users", () => ({ findUserById: async () => state.user }));
vi.mock("react", async (importOriginal) => ({ ...(await importOriginal<object>()), cache: <T>(fn: T) => fn }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect:${to}`);
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
}));

const { currentUser, requireUser, sessionUser } = await import("@/lib/auth/current-user");

const row = (patch: Record<string, unknown> = {}) => ({
  id: "u1",
  email: "u@x.test",
  name: "",
  role: "manager",
  locale: null,
  timeZone: null,
  disabled: false,
  sessionVersion: 1,
  mustChangePassword: false,
  ...patch,
});

beforeEach(() => {
  state.session = { uid: "u1", sv: 1 };
  state.user = row();
});

describe("the signed-in user", () => {
  it("is the database's row for an active session", async () => {
    expect(await currentUser()).toMatchObject({ id: "u1", role: "manager" });
    expect(await requireUser()).toMatchObject({ id: "u1" });
  });

  it("is nobody once disabled or once their sessions are invalidated", async () => {
    state.user = row({ disabled: true });
    expect(await currentUser()).toBeNull();
    expect(await sessionUser()).toBeNull();
    await expect(requireUser()).rejects.toThrow("redirect:/signin");
    state.user = row({ sessionVersion: 2 });
    expect(await currentUser()).toBeNull();
  });

  it("with a temporary password, is nobody to everything but the change-password page, which pages send them to", async () => {
    state.user = row({ mustChangePassword: true });
    expect(await currentUser()).toBeNull();
    expect(await sessionUser()).toMatchObject({ id: "u1", mustChangePassword: true });
    await expect(requireUser()).rejects.toThrow("redirect:/change-password");
    await expect(requireUser("admin")).rejects.toThrow("redirect:/change-password");
  });

  it("of the wrong role gets 403 from a page", async () => {
    await expect(requireUser("admin")).rejects.toThrow("forbidden");
  });
});
