"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { updateUser } from "@/lib/db/queries/users";
import { toE164 } from "@/lib/providers/phone";

const testPhoneSchema = z.object({
  phone: z
    .string()
    .trim()
    .max(40, "testPhone.errors.invalid")
    .transform((raw, ctx) => {
      if (raw === "") return null;
      const phone = toE164(raw);
      if (!phone) ctx.addIssue({ code: "custom", message: "testPhone.errors.invalid" });
      return phone ?? null;
    }),
});

/** The user's own number for test calls before a launch; empty clears it. */
export const setTestPhone = action({ role: "any", schema: testPhoneSchema }, async ({ phone }, user) => {
  await updateUser({ id: user.id, patch: { testPhone: phone } });
  return { phone };
});
