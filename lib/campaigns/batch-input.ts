import { z } from "zod";
import { BATCH_LIMITS } from "@/lib/campaigns/batch-limits";
import { CALLDRON_TIME_ZONES, DEFAULT_CALLDRON_TIME_ZONE, findCalldronTimeZone } from "@/lib/providers/calldron/time-zones";
import { toE164 } from "@/lib/providers/phone";

/** What the batch form sends, checked on the server (bounds in lib/campaigns/batch-limits.ts). */
const E = (key: string) => `batchForm.errors.${key}`;

const wholeNumber = (bounds: { min: number; max: number }, key: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, E(key))
    .transform(Number)
    .pipe(z.number().int().min(bounds.min, E(key)).max(bounds.max, E(key)));

/** Any common way of writing a Russian number → E.164; empty stays empty. */
const optionalPhone = z
  .string()
  .trim()
  .optional()
  .default("")
  .transform((value, ctx) => {
    if (value === "") return "";
    const phone = toE164(value);
    if (!phone) ctx.addIssue({ code: "custom", message: E("phoneInvalid") });
    return phone ?? "";
  });

const windowTime = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, E("timeInvalid"));

export const batchFieldsSchema = z.object({
  connectionId: z.uuid(),
  name: z.string().trim().min(1, E("nameRequired")).max(BATCH_LIMITS.nameMax, E("nameTooLong")),
  description: z.string().trim().max(BATCH_LIMITS.descriptionMax, E("descriptionTooLong")).optional().default(""),
  type: z.enum(["batch", "instant", "callback"], E("typeRequired")),
  confirmation: z.enum(["dtmf", "timeout"], E("confirmationRequired")),
  timeFrom: windowTime,
  timeTo: windowTime,
  timeZone: z
    .string()
    .optional()
    .default(DEFAULT_CALLDRON_TIME_ZONE)
    .transform((value, ctx) => {
      const zone = findCalldronTimeZone(value || DEFAULT_CALLDRON_TIME_ZONE);
      if (!zone) ctx.addIssue({ code: "custom", message: E("timeZoneUnknown") });
      return zone?.rails ?? DEFAULT_CALLDRON_TIME_ZONE;
    }),
  attempts: wholeNumber(BATCH_LIMITS.attempts, "attemptsRange"),
  callDelaySeconds: wholeNumber(BATCH_LIMITS.callDelaySeconds, "callDelayRange"),
  // The index does not report this one back, so an edit leaves it empty (unchanged) unless the user types it.
  timeoutBeforeIntroCallback: z.preprocess((v) => (v === "" ? undefined : v), wholeNumber(BATCH_LIMITS.timeoutBeforeIntroCallback, "introTimeoutRange").optional()),
  callback: optionalPhone,
  from: optionalPhone,
  /** A file already in the audio store (uploaded through /api/uploads/audio). */
  audioId: z.union([z.literal(""), z.uuid(E("audioMissing"))]).optional().default(""),
});

export const createBatchSchema = batchFieldsSchema;
export const editBatchSchema = batchFieldsSchema.extend({ batchId: z.string().trim().regex(/^[\w-]{1,64}$/) });
export const deleteBatchSchema = z.object({ connectionId: z.uuid(), batchId: z.string().trim().regex(/^[\w-]{1,64}$/) });

export type BatchFields = z.infer<typeof batchFieldsSchema>;

export const TIME_ZONE_NAMES = CALLDRON_TIME_ZONES.map((z) => z.rails);
