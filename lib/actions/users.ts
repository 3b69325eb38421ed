"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/db/queries/audit";
import { countActiveAdmins, findUserByEmail, findUserById, insertUser, updateUser } from "@/lib/db/queries/users";
import { roleEnum } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";
import { requestIp } from "@/lib/request-ip";

const createUserSchema = z.object({
  email: z.email("emailInvalid").transform((v) => v.toLowerCase()),
  name: z.string().trim().max(100).default(""),
  role: z.enum(roleEnum.enumValues),
});

/** Creates a user with a temporary password, returned once to be handed over. */
export const createUser = action({ role: "admin", schema: createUserSchema }, async (input, admin) => {
  if (await findUserByEmail({ email: input.email })) throw new SafeError("emailTaken", {}, { email: "emailTaken" });
  const temporaryPassword = generatePassword();
  const user = await insertUser({
    user: { ...input, passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true },
  });
  await recordAudit({ actor: admin, action: "user.created", target: user.email, ip: await requestIp(), details: { role: user.role } });
  revalidatePath("/settings/users");
  return { id: user.id, email: user.email, temporaryPassword };
});

const idSchema = z.object({ id: z.uuid() });

export const changeUserRole = action(
  { role: "admin", schema: idSchema.extend({ role: z.enum(roleEnum.enumValues) }) },
  async ({ id, role }, admin) => {
    const target = await mustFind(id);
    if (target.role === "admin" && role !== "admin") await keepOneAdmin(target.id);
    await updateUser({ id, patch: { role }, invalidateSessions: true });
    await recordAudit({ actor: admin, action: "user.role_changed", target: target.email, ip: await requestIp(), details: { from: target.role, to: role } });
    revalidatePath("/settings/users");
    return { id };
  },
);

export const setUserDisabled = action(
  { role: "admin", schema: idSchema.extend({ disabled: z.boolean() }) },
  async ({ id, disabled }, admin) => {
    const target = await mustFind(id);
    if (target.id === admin.id && disabled) throw new SafeError("cannotDisableSelf");
    if (disabled && target.role === "admin") await keepOneAdmin(target.id);
    await updateUser({ id, patch: { disabled }, invalidateSessions: disabled });
    await recordAudit({ actor: admin, action: disabled ? "user.disabled" : "user.enabled", target: target.email, ip: await requestIp() });
    revalidatePath("/settings/users");
    return { id };
  },
);

export const resetUserPassword = action({ role: "admin", schema: idSchema }, async ({ id }, admin) => {
  const target = await mustFind(id);
  const temporaryPassword = generatePassword();
  await updateUser({
    id,
    patch: { passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true },
    invalidateSessions: true,
  });
  await recordAudit({ actor: admin, action: "user.password_reset", target: target.email, ip: await requestIp() });
  return { email: target.email, temporaryPassword };
});

async function mustFind(id: string) {
  const user = await findUserById({ id });
  if (!user) throw new SafeError("userNotFound");
  return user;
}

async function keepOneAdmin(leavingId: string) {
  const admins = await countActiveAdmins();
  const leaving = await findUserById({ id: leavingId });
  if (leaving && !leaving.disabled && admins <= 1) throw new SafeError("lastAdmin");
}
