import { z } from "zod";
import { CALLDOG_CALL_STATUSES, fromCalldogPhone, fromCalldogTime } from "@/lib/providers/calldog/wire";

/** Answers are undocumented: every schema reads only what the app uses and ignores the rest. */

const idSchema = z.coerce.number().int();
const timeSchema = z.union([z.number(), z.string()]).nullish().transform(fromCalldogTime);
const phoneSchema = z.coerce.string().transform(fromCalldogPhone);
const flagSchema = z.union([z.boolean(), z.number(), z.string()]).nullish().transform((v) => v === true || v === 1 || v === "1" || v === "true");

export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.object({ status: z.literal("success"), data });
}

export const callStatusSchema = z.enum([...CALLDOG_CALL_STATUSES, "unknown"]).catch("unknown");

/** One item of apiCalls/create: a created call, or a refused number with `status: "error"` and a message. */
export const createdCallSchema = z.object({
  id: idSchema.nullish().transform((v) => v ?? null),
  phone: phoneSchema,
  status: z.string(),
  message: z.string().nullish().transform((v) => v ?? null),
  createdAt: timeSchema,
});
export type CalldogCreatedCall = z.infer<typeof createdCallSchema>;
export const createCallsResponseSchema = envelopeSchema(z.array(createdCallSchema));

/** Call info (apiCalls/get and the status webhook body); see docs/providers.md for the assumed shape. */
export const callInfoSchema = z.object({
  id: idSchema,
  phone: phoneSchema,
  outgoingPhone: phoneSchema.nullish().transform((v) => v ?? null),
  status: callStatusSchema,
  reason: z.string().nullish().transform((v) => v ?? null),
  ivrAnswer: z.union([z.number(), z.string()]).nullish().transform((v) => v ?? null),
  recordPath: z.string().nullish().transform((v) => v || null),
  duration: z.coerce.number().nullish().transform((v) => v ?? 0),
  transferredTo: phoneSchema.nullish().transform((v) => v ?? null),
  smsSent: z.string().nullish().transform((v) => v ?? null),
  blacklisted: flagSchema,
  createdAt: timeSchema,
  plannedAt: timeSchema,
  startedAt: timeSchema,
  answeredAt: timeSchema,
  finishedAt: timeSchema,
});
export type CalldogCall = z.infer<typeof callInfoSchema>;
export const getCallsResponseSchema = envelopeSchema(z.array(callInfoSchema));

export const recordSchema = z.object({
  id: idSchema,
  name: z.string(),
  source: z.enum(["file", "text"]).catch("file"),
  moderated: flagSchema,
  recordPath: z.string().nullish().transform((v) => v || null),
  createdAt: timeSchema,
});
export type CalldogRecord = z.infer<typeof recordSchema>;
export const createRecordResponseSchema = envelopeSchema(recordSchema);

export const removeRecordResponseSchema = envelopeSchema(
  z
    .object({ idList: z.array(idSchema) })
    .partial()
    .nullish()
    .transform((v) => v ?? {}),
);

export const userInfoSchema = z.object({
  id: idSchema.nullish(),
  name: z.string().nullish(),
  balance: z.coerce.number(),
  moderation: flagSchema,
  loggedAt: timeSchema,
  lastPayAt: timeSchema,
});
export type CalldogUserInfo = z.infer<typeof userInfoSchema>;
export const userInfoResponseSchema = envelopeSchema(userInfoSchema);

export const outgoingPhoneSchema = z.object({
  id: idSchema,
  phone: phoneSchema,
  confirmed: flagSchema,
  duty: flagSchema,
});
export type CalldogPhone = z.infer<typeof outgoingPhoneSchema>;
export const getPhonesResponseSchema = envelopeSchema(z.array(outgoingPhoneSchema));

/** A language is a code string; an object with `code` is read too. */
export const languagesResponseSchema = envelopeSchema(
  z.array(z.union([z.string(), z.object({ code: z.string() }).transform((l) => l.code)])),
);

export const phoneCheckSchema = z.object({
  id: idSchema,
  phone: phoneSchema,
  status: z.string(),
  /** FlashOnCall: the last digits of the number that calls, which the person types in. */
  code: z.coerce.string().nullish().transform((v) => v ?? null),
});
export type CalldogPhoneCheck = z.infer<typeof phoneCheckSchema>;
export const confirmPhoneResponseSchema = envelopeSchema(phoneCheckSchema);
