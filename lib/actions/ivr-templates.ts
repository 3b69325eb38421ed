"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { type IvrMenu, menuIsValid, validateMenu } from "@/lib/calldog/ivr-menu";
import { ivrMenuSchema } from "@/lib/calldog/ivr-menu-schema";
import { toRussianE164 } from "@/lib/phone-ru";
import { recordAudit } from "@/lib/db/queries/audit";
import { deleteIvrTemplate, findIvrTemplate, insertIvrTemplate, listIvrTemplates, updateIvrTemplate } from "@/lib/db/queries/ivr-templates";
import { SafeError } from "@/lib/errors";
import { requestIp } from "@/lib/request-ip";

const MENUS_PATH = "/campaigns/calldog/menus";
const nameSchema = z.string().trim().min(1, "nameRequired").max(100, "nameTooLong");

/** Names of the saved menus, for the builder's "load a template". */
export const listIvrTemplateChoices = action({ role: "any", schema: z.object({}) }, async () => {
  return (await listIvrTemplates({ limit: 200 })).map((t) => ({ id: t.id, name: t.name }));
});

export const getIvrTemplate = action({ role: "any", schema: z.object({ id: z.uuid() }) }, async ({ id }) => {
  const row = await findIvrTemplate({ id });
  if (!row) throw new SafeError("ivrTemplateNotFound");
  const menu = ivrMenuSchema.safeParse(row.menu);
  if (!menu.success) throw new SafeError("ivrTemplateUnreadable");
  return { id: row.id, name: row.name, menu: menu.data };
});

/** Creates a template, or replaces one's name and menu when `id` is given. Only a menu without problems is kept. */
export const saveIvrTemplate = action(
  { role: "any", schema: z.object({ id: z.uuid().optional(), name: nameSchema, menu: ivrMenuSchema }) },
  async ({ id, name, menu }, user) => {
    assertValid(menu);
    const ip = await requestIp();
    if (id) {
      const row = await updateIvrTemplate({ id, patch: { name, menu } });
      if (!row) throw new SafeError("ivrTemplateNotFound");
      await recordAudit({ actor: user, action: "ivr_template.updated", target: name, ip, details: { handlers: menu.handlers.length } });
      revalidatePath(MENUS_PATH);
      return { id: row.id };
    }
    const row = await insertIvrTemplate({ template: { name, menu, createdById: user.id } });
    await recordAudit({ actor: user, action: "ivr_template.created", target: name, ip, details: { handlers: menu.handlers.length } });
    revalidatePath(MENUS_PATH);
    return { id: row.id };
  },
);

export const removeIvrTemplate = action({ role: "any", schema: z.object({ id: z.uuid() }) }, async ({ id }, user) => {
  const row = await deleteIvrTemplate({ id });
  if (!row) throw new SafeError("ivrTemplateNotFound");
  await recordAudit({ actor: user, action: "ivr_template.deleted", target: row.name, ip: await requestIp() });
  revalidatePath(MENUS_PATH);
  return { id };
});

function assertValid(menu: IvrMenu): void {
  if (!menuIsValid(validateMenu(menu, toRussianE164))) throw new SafeError("ivrMenuInvalid");
}
