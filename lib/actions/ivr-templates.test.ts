import { beforeAll, describe, expect, it, vi } from "vitest";
import { getIvrTemplate, listIvrTemplateChoices, removeIvrTemplate, saveIvrTemplate } from "@/lib/actions/ivr-templates";
import { emptyHandler, type IvrMenu } from "@/lib/calldog/ivr-menu";
import { countIvrTemplates, listIvrTemplates } from "@/lib/db/queries/ivr-templates";
import { insertUser } from "@/lib/db/queries/users";
import { setupTestDb } from "@/lib/testing/test-db";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: "manager"; locale: null; mustChangePassword: boolean } }));
vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => session.user, sessionUser: async () => session.user }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => Object.assign((key: string) => key, { has: () => true }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

setupTestDb();

beforeAll(async () => {
  const user = await insertUser({ user: { email: "manager@x.test", name: "M", passwordHash: "h", role: "manager" } });
  session.user = { id: user.id, email: user.email, name: user.name, role: "manager", locale: null, mustChangePassword: false };
});

const menu: IvrMenu = { handlers: [{ ...emptyHandler("1"), blacklist: true }, emptyHandler("")] };

describe("IVR menu templates", () => {
  it("refuses a menu with problems and keeps nothing", async () => {
    const twice: IvrMenu = { handlers: [{ ...emptyHandler("1"), blacklist: true }, { ...emptyHandler("1"), sms: { text: "x".repeat(71) } }] };
    expect(await saveIvrTemplate({ name: "Bad", menu: twice })).toMatchObject({ ok: false, error: "ivrMenuInvalid" });
    expect(await saveIvrTemplate({ name: "  ", menu })).toMatchObject({ ok: false, fieldErrors: { name: "nameRequired" } });
    expect(await countIvrTemplates()).toBe(0);
  });

  it("saves, lists, loads, renames and deletes a template", async () => {
    const saved = await saveIvrTemplate({ name: " Opt-out ", menu });
    expect(saved.ok).toBe(true);
    const id = saved.ok ? saved.data.id : "";
    await saveIvrTemplate({ name: "Second", menu });
    expect(await listIvrTemplateChoices({})).toMatchObject({ ok: true, data: [{ name: "Second" }, { id, name: "Opt-out" }] });
    expect(await getIvrTemplate({ id })).toEqual({ ok: true, data: { id, name: "Opt-out", menu } });

    const renamed = { handlers: [...menu.handlers, { ...emptyHandler("2"), sms: { text: "Спасибо" } }] };
    expect(await saveIvrTemplate({ id, name: "Opt-out v2", menu: renamed })).toEqual({ ok: true, data: { id } });
    expect(await getIvrTemplate({ id })).toMatchObject({ ok: true, data: { name: "Opt-out v2", menu: renamed } });
    const [older] = await listIvrTemplates({ limit: 1, offset: 1 });
    expect(older).toMatchObject({ name: "Opt-out v2", createdByEmail: "manager@x.test" });

    expect(await removeIvrTemplate({ id })).toEqual({ ok: true, data: { id } });
    expect(await getIvrTemplate({ id })).toMatchObject({ ok: false, error: "ivrTemplateNotFound" });
    expect(await removeIvrTemplate({ id })).toMatchObject({ ok: false, error: "ivrTemplateNotFound" });
  });
});
