"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { action, publicAction } from "@/lib/actions/safe-action";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "@/lib/auth/password";
import { sessionUser } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/db/queries/audit";
import { findUserById, updateUser } from "@/lib/db/queries/users";
import { SafeError } from "@/lib/errors";
import { LOCALE_COOKIE, locales } from "@/lib/i18n/config";
import { isTimeZone } from "@/lib/i18n/time-zones";
import { requestIp } from "@/lib/request-ip";

const changePasswordSchema = z
  .object({
    current: z.string().min(1, "passwordRequired"),
    password: z.string().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(200),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "passwordsDiffer", path: ["confirm"] });

export const changeOwnPassword = action({ role: "any", schema: changePasswordSchema, whileMustChangePassword: true }, async (input, user) => {
  const row = await findUserById({ id: user.id });
  if (!row || !(await verifyPassword(input.current, row.passwordHash))) {
    throw new SafeError("currentPasswordWrong", {}, { current: "currentPasswordWrong" });
  }
  await updateUser({ id: user.id, patch: { passwordHash: await hashPassword(input.password), mustChangePassword: false } });
  await recordAudit({
    actor: user,
    action: "user.password_changed",
    target: user.email,
    ip: await requestIp(),
    details: { temporaryReplaced: user.mustChangePassword },
  });
  return { changed: true };
});

const localeSchema = z.object({ locale: z.enum(locales) });

/** Anyone may switch the language (the sign-in page has the switch too); a signed-in user's choice is also kept on their account. */
export const setLocale = publicAction({ schema: localeSchema }, async ({ locale }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  const user = await sessionUser();
  if (user) await updateUser({ id: user.id, patch: { locale } });
  return { locale };
});

const timeZoneSchema = z.object({ timeZone: z.string().refine(isTimeZone, "timeZoneUnknown") });

/** The zone every date is shown in to this user (lib/i18n/request.ts reads it on each request). */
export const setTimeZone = action({ role: "any", schema: timeZoneSchema }, async ({ timeZone }, user) => {
  await updateUser({ id: user.id, patch: { timeZone } });
  return { timeZone };
});
