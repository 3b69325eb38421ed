import { z } from "zod";
import { ivrMenuSchema } from "@/lib/calldog/ivr-menu-schema";
import { EMPTY_MENU, menuIsValid, toCalldogIvrs, validateMenu } from "@/lib/calldog/ivr-menu";
import { WINDOW_TIME_PATTERN } from "@/lib/dialing/calling-window";
import { toRussianE164 } from "@/lib/phone-ru";
import { CALLDOG_TEXT_MAX, type CalldogCreateCallsInput } from "@/lib/providers/calldog/wire";

/**
 * What a Calldog campaign wizard keeps in `campaigns.settings`, step by step. Each step is checked on the server
 * before the next (`lib/actions/calldog-campaigns.ts`); the launch task reads the same settings back.
 */

export const WIZARD_STEPS = ["recipients", "callerId", "message", "menu", "schedule", "review"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const RECIPIENT_SOURCES = ["one", "paste", "list", "calldron"] as const;
export type RecipientSource = (typeof RECIPIENT_SOURCES)[number];

const phoneListSchema = z.array(z.string().max(20)).max(100_000);

/** Recipients as checked: the numbers to call (E.164, each once) and what was held back and why. */
export const recipientsSchema = z.object({
  source: z.enum(RECIPIENT_SOURCES),
  /** What the user typed or pasted (one / paste), kept so that the step shows it again after a reload. */
  text: z.string().max(2_000_000).default(""),
  /** A kept list's id, or a Calldron list as `<connectionId>:<listId>`. */
  listRef: z.string().max(200).default(""),
  listName: z.string().max(300).default(""),
  phones: phoneListSchema,
  invalid: z.array(z.string().max(100)).max(100_000),
  duplicates: z.number().int().min(0),
  dnc: phoneListSchema,
});
export type Recipients = z.infer<typeof recipientsSchema>;

export const callerIdSchema = z.discriminatedUnion("mode", [z.object({ mode: z.literal("duty") }), z.object({ mode: z.literal("phone"), phone: z.string().max(20) })]);
export type CallerId = z.infer<typeof callerIdSchema>;

export const messageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("record"), recordId: z.string().regex(/^\d{1,12}$/), name: z.string().max(300).default("") }),
  z.object({
    kind: z.literal("tts"),
    text: z.string().trim().min(1).max(CALLDOG_TEXT_MAX),
    gender: z.enum(["female", "male"]),
    lang: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  }),
]);
export type CampaignMessage = z.infer<typeof messageSchema>;

/** A campaign's own daily calling window (`HH:MM`, in the campaign's zone), within the organisation's. */
export const campaignWindowSchema = z.object({ from: z.string().regex(WINDOW_TIME_PATTERN), to: z.string().regex(WINDOW_TIME_PATTERN) });
export type CampaignWindow = z.infer<typeof campaignWindowSchema>;

export const scheduleSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("now"),
    /** The campaign's own window; drafts from before it existed have none and use the organisation's. */
    window: campaignWindowSchema.optional(),
    /** The window was closed when the launch started: `plannedAt` was set to its next opening. */
    moved: z.boolean().optional(),
  }),
  /** A wall-clock time in a time zone, as picked; `plannedAt` (UTC) is derived from it. */
  z.object({
    mode: z.literal("at"),
    local: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
    timeZone: z.string().min(1).max(64),
    window: campaignWindowSchema.optional(),
    /** The picked time was outside the calling window: `plannedAt` is the window's next opening. */
    moved: z.boolean().default(false),
  }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

export const campaignSettingsSchema = z.object({
  recipients: recipientsSchema.optional(),
  callerId: callerIdSchema.optional(),
  message: messageSchema.optional(),
  menu: ivrMenuSchema.default(EMPTY_MENU),
  schedule: scheduleSchema.optional(),
  needRecording: z.boolean().default(false),
  /** The last test call to the user's own number from the review (Calldog's call id), if any. */
  testCall: z.object({ callId: z.number().int(), phone: z.string().max(20), at: z.string().max(40), by: z.string().max(40) }).optional(),
  /** The furthest step checked so far: a reload goes back to where the user was. */
  reached: z.enum(WIZARD_STEPS).default("recipients"),
});
export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

/** Settings read back from the database; what no longer parses is dropped rather than failing the page. */
export function readSettings(raw: unknown): CampaignSettings {
  const parsed = campaignSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : campaignSettingsSchema.parse({});
}

/** Complete settings, as launch needs them; undefined names the first step still missing. */
export type LaunchableSettings = Required<Pick<CampaignSettings, "recipients" | "callerId" | "message" | "schedule">> & CampaignSettings;

export function missingStep(settings: CampaignSettings): WizardStep | undefined {
  if (!settings.recipients || settings.recipients.phones.length === 0) return "recipients";
  if (!settings.callerId) return "callerId";
  if (!settings.message) return "message";
  if (!menuIsValid(validateMenu(settings.menu, toRussianE164))) return "menu";
  if (!settings.schedule) return "schedule";
  return undefined;
}

/**
 * What the audit log records of a launch: the numbers to dial (as the confirmation named them) and those held
 * back. The launch task also carries the do-not-call numbers, to report them, so its total is not the count.
 */
export function launchAuditCounts(settings: CampaignSettings): { count: number; heldBack: { dnc: number; invalid: number; duplicate: number } } {
  const r = settings.recipients;
  return { count: r?.phones.length ?? 0, heldBack: { dnc: r?.dnc.length ?? 0, invalid: r?.invalid.length ?? 0, duplicate: r?.duplicates ?? 0 } };
}

/** The create request's fields other than the numbers, from complete settings. */
export function createCallsInput(settings: LaunchableSettings, plannedAt: Date | null, webhookUrl: string | undefined): Omit<CalldogCreateCallsInput, "phones"> {
  const { message, callerId, menu } = settings;
  return {
    outgoingPhone: callerId.mode === "phone" ? callerId.phone : undefined,
    plannedAt: plannedAt ?? undefined,
    needRecording: settings.needRecording,
    webhookUrl,
    record: message.kind === "record" ? { id: Number(message.recordId) } : { text: message.text, gender: message.gender },
    lang: message.kind === "tts" ? message.lang : undefined,
    ivrs: menu.handlers.length > 0 ? toCalldogIvrs(menu, toRussianE164) : undefined,
  };
}
