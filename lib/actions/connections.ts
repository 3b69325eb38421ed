"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { openApiKey, sealApiKey } from "@/lib/crypto/connection-key";
import { recordAudit } from "@/lib/db/queries/audit";
import { deleteConnection, findConnection, insertConnection, updateConnection } from "@/lib/db/queries/connections";
import { providerEnum } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";
import { baseUrlProblem } from "@/lib/providers/base-url";
import { testConnection as runConnectionTest } from "@/lib/providers/connection-test";
import { requestIp } from "@/lib/request-ip";

const baseUrlSchema = z
  .string()
  .trim()
  .min(1, "baseUrlInvalid")
  .refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "baseUrlInvalid")
  .transform((v) => (v.endsWith("/") ? v : `${v}/`));

const nameSchema = z.string().trim().min(1, "nameRequired").max(100, "nameTooLong");
const apiKeySchema = z.string().trim().min(1, "apiKeyRequired").max(500, "apiKeyTooLong");

const createSchema = z.object({
  name: nameSchema,
  provider: z.enum(providerEnum.enumValues, "providerRequired"),
  baseUrl: baseUrlSchema,
  apiKey: apiKeySchema,
});

export const createConnection = action({ role: "admin", schema: createSchema }, async (input, admin) => {
  await requireAllowedBaseUrl(input.baseUrl);
  const id = randomUUID();
  const row = await insertConnection({
    connection: { id, name: input.name, provider: input.provider, baseUrl: input.baseUrl, ...sealApiKey(id, input.apiKey) },
  });
  await recordAudit({ actor: admin, action: "connection.created", target: row.name, ip: await requestIp(), details: { provider: row.provider, baseUrl: row.baseUrl } });
  revalidatePath("/settings/connections");
  return { id };
});

// An empty key on edit keeps the stored one: the key is write-only.
const updateSchema = z.object({
  id: z.uuid(),
  name: nameSchema,
  baseUrl: baseUrlSchema,
  apiKey: z.string().trim().max(500, "apiKeyTooLong").optional().default(""),
});

export const editConnection = action({ role: "admin", schema: updateSchema }, async (input, admin) => {
  const existing = await findConnection({ id: input.id });
  if (!existing) throw new SafeError("connectionNotFound");
  await requireAllowedBaseUrl(input.baseUrl);
  await updateConnection({
    id: input.id,
    patch: {
      name: input.name,
      baseUrl: input.baseUrl,
      ...(input.apiKey ? sealApiKey(input.id, input.apiKey) : {}),
      lastTestAt: null,
      lastTestResult: null,
    },
  });
  await recordAudit({
    actor: admin,
    action: "connection.updated",
    target: input.name,
    ip: await requestIp(),
    details: { keyChanged: Boolean(input.apiKey), baseUrl: input.baseUrl },
  });
  revalidatePath("/settings/connections");
  return { id: input.id };
});

export const removeConnection = action({ role: "admin", schema: z.object({ id: z.uuid() }) }, async ({ id }, admin) => {
  const row = await deleteConnection({ id });
  if (!row) throw new SafeError("connectionNotFound");
  await recordAudit({ actor: admin, action: "connection.deleted", target: row.name, ip: await requestIp(), details: { provider: row.provider } });
  revalidatePath("/settings/connections");
  return { id };
});

export const testConnection = action({ role: "admin", schema: z.object({ id: z.uuid() }) }, async ({ id }, admin) => {
  const row = await findConnection({ id });
  if (!row) throw new SafeError("connectionNotFound");
  // A connection saved before the rule (or under another environment) sends no key where it no longer may.
  const problem = await baseUrlProblem(row.baseUrl);
  if (problem) throw new SafeError(problem);
  let apiKey: string;
  try {
    apiKey = openApiKey(row);
  } catch {
    throw new SafeError("keyUnreadable");
  }
  const result = await runConnectionTest({ provider: row.provider, baseUrl: row.baseUrl, apiKey });
  const testedAt = new Date();
  await updateConnection({ id, patch: { lastTestAt: testedAt, lastTestResult: result } });
  await recordAudit({ actor: admin, action: "connection.tested", target: row.name, ip: await requestIp(), details: { result } });
  revalidatePath("/settings/connections");
  return { result, testedAt: testedAt.toISOString() };
});

/** Where the key may go: lib/providers/base-url.ts, shown on the Base URL field. */
async function requireAllowedBaseUrl(baseUrl: string): Promise<void> {
  const problem = await baseUrlProblem(baseUrl);
  if (problem) throw new SafeError(problem, {}, { baseUrl: problem });
}
