import { z } from "zod";
import { CALLDOG_CALL_STATUSES, fromCalldogPhone, fromCalldogTime, payloadOf } from "@/lib/providers/calldog/wire";

/** Answers are undocumented: every schema reads only what the app uses and ignores the rest (wire.ts `payloadOf`). */

const idSchema = z.coerce.number().int();
const timeSchema = z.union([z.number(), z.string()]).nullish().transform(fromCalldogTime);
const phoneSchema = z.coerce.string().transform(fromCalldogPhone);
const flagSchema = z.union([z.boolean(), z.number(), z.string()]).nullish().transform((v) => v === true || v === 1 || v === "1" || v === "true");

/** The payload of a success, validated: for answers whose content the app cannot do without (call ids, a record's id). */
export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.preprocess(payloadOf, data);
}

/**
 * For answers the app only reports on: each known field is read when present and well-formed, else null; any
 * success passes, and the whole answer is kept as `raw`.
 */
function lenientAnswerSchema<S extends z.ZodRawShape>(shape: S) {
  const fields = z.object(shape);
  return z.unknown().transform((body) => {
    const payload = payloadOf(body);
    const read = fields.safeParse(typeof payload === "object" && payload !== null && !Array.isArray(payload) ? payload : {});
    return { ...(read.success ? read.data : fields.parse({})), raw: body };
  });
}

const orNull = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .transform((v) => v ?? null)
    .catch(null);
const amountSchema = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

export const callStatusSchema = z.enum([...CALLDOG_CALL_STATUSES, "unknown"]).catch("unknown");

/**
 * One item of apiCalls/create: a created call, or a refused number with `status: "error"` and a message. Only the
 * id must be well-formed when present; a missing phone and status are filled by wire.ts `fillCreatedCalls`.
 */
export const createdCallWireSchema = z.object({
  id: idSchema.nullish().transform((v) => v ?? null),
  phone: orNull(phoneSchema),
  status: orNull(z.string()),
  message: orNull(z.string()),
  createdAt: timeSchema.catch(null),
});
export type CreatedCallWire = z.infer<typeof createdCallWireSchema>;
export type CalldogCreatedCall = { id: number | null; phone: string | null; status: string; message: string | null; createdAt: string | null };
/** `data` as a list, one item a number; a single object (one number) or nothing at all is read too. */
export const createCallsResponseSchema = envelopeSchema(
  z.union([z.array(createdCallWireSchema), createdCallWireSchema.transform((item) => [item]), z.undefined().transform(() => [])]),
);

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

/** A new record: its id is what the app needs (to dial with it); the rest falls back to what was sent. */
export const recordWireSchema = z.object({
  id: idSchema,
  name: orNull(z.string()),
  source: z.enum(["file", "text"]).nullish().catch(null),
  moderated: flagSchema.catch(false),
  recordPath: z.string().nullish().transform((v) => v || null).catch(null),
  createdAt: timeSchema.catch(null),
});
export type RecordWire = z.infer<typeof recordWireSchema>;
export type CalldogRecord = { id: number; name: string; source: "file" | "text"; moderated: boolean; recordPath: string | null; createdAt: string | null };
export const createRecordResponseSchema = envelopeSchema(recordWireSchema);

/** Gap: documented without an answer. We read `idList` when given. */
export const removeRecordResponseSchema = lenientAnswerSchema({ idList: orNull(z.array(idSchema)) });
export type CalldogRemovedRecords = z.infer<typeof removeRecordResponseSchema>;

/** Gap: "balance and the like". We read these fields when given (balance as a number or numeric text, in roubles). */
export const userInfoResponseSchema = lenientAnswerSchema({
  id: orNull(idSchema),
  name: orNull(z.string()),
  balance: orNull(amountSchema),
  currency: orNull(z.string()),
  moderation: flagSchema.catch(false),
  loggedAt: timeSchema.catch(null),
  lastPayAt: timeSchema.catch(null),
});
export type CalldogUserInfo = z.infer<typeof userInfoResponseSchema>;

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

/** Gap: documented without an answer. `code` (FlashOnCall) is the last digits of the calling number, typed in by the person. */
export const confirmPhoneResponseSchema = lenientAnswerSchema({
  id: orNull(idSchema),
  phone: orNull(phoneSchema),
  status: orNull(z.string()),
  code: orNull(z.union([z.string(), z.number()]).transform(String)),
  callerId: orNull(phoneSchema),
});
export type CalldogPhoneCheck = z.infer<typeof confirmPhoneResponseSchema>;
