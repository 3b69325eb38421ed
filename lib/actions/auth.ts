"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/app/(auth)/auth";
import { publicAction } from "@/lib/actions/safe-action";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { sessionUser } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/db/queries/audit";
import { findUserByEmail, insertFirstAdmin } from "@/lib/db/queries/users";
import { SafeError } from "@/lib/errors";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { requestIp } from "@/lib/request-ip";

const signInSchema = z.object({
  email: z.email("emailInvalid").transform((v) => v.toLowerCase()),
  password: z.string().min(1, "passwordRequired"),
});

export const signInWithPassword = publicAction({ schema: signInSchema }, async ({ email, password }) => {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as { code?: string }).code;
      throw new SafeError(code === "throttled" ? "throttled" : "wrongCredentials");
    }
    throw error;
  }
  const user = await findUserByEmail({ email });
  if (user?.locale && isLocale(user.locale)) {
    (await cookies()).set(LOCALE_COOKIE, user.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  }
  return { redirectTo: "/" };
});

const setupSchema = z
  .object({
    name: z.string().trim().min(1, "nameRequired").max(100),
    email: z.email("emailInvalid").transform((v) => v.toLowerCase()),
    password: z.string().min(MIN_PASSWORD_LENGTH, "passwordTooShort").max(200),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "passwordsDiffer", path: ["confirm"] });

/** Creates the first admin; refused once any user exists, even when two requests race. */
export const completeSetup = publicAction({ schema: setupSchema }, async ({ name, email, password }) => {
  const admin = await insertFirstAdmin({ user: { name, email, passwordHash: await hashPassword(password) } });
  if (!admin) throw new SafeError("setupDone");
  await recordAudit({ actor: admin, action: "setup.first_admin", target: admin.email, ip: await requestIp() });
  return { email: admin.email };
});

/** A plain form action (it must return nothing); it needs no role: signing out is always allowed. */
export async function signOutAction(): Promise<void> {
  const user = await sessionUser();
  if (user) await recordAudit({ actor: user, action: "auth.sign_out", target: user.email, ip: await requestIp() });
  await signOut({ redirect: false });
  redirect("/signin");
}
