import { z } from "zod";
import type { IvrMenu } from "@/lib/calldog/ivr-menu";
import { WINDOW_TIME_PATTERN } from "@/lib/dialing/calling-window";
import { ivrMenuSchema } from "@/lib/calldog/ivr-menu-schema";

/**
 * What a Calldog campaign's `settings` hold, as the results page reads them: the wizard's shape
 * (`lib/calldog/campaign-settings.ts`: `callerId: {mode}`, `needRecording`, `message.lang`) and the flatter one of
 * campaigns stored by hand (tests, older rows). A part the page cannot read is left out rather than failing the page.
 */
export type CampaignMessage = { kind: "record"; recordId: string; name?: string } | { kind: "text"; text: string; voiceGender?: string; language?: string };

export type CampaignSettings = {
  menu?: IvrMenu;
  message?: CampaignMessage;
  /** A confirmed outgoing number; null for "a random duty number". */
  callerId?: string | null;
  record?: boolean;
  plannedAt?: Date;
  /** The campaign's own daily calling window (in the campaign's zone); absent for campaigns from before it existed. */
  window?: { from: string; to: string };
  /** The start was moved into the calling window (a picked time outside it, or "now" while it was closed). */
  startMoved: boolean;
};

const idSchema = z.union([z.string().max(40), z.number().int()]).transform(String);
const messageSchema = z.union([
  z.object({ recordId: idSchema, name: z.string().max(200).optional(), recordName: z.string().max(200).optional() }),
  z.object({ record: z.object({ id: idSchema, name: z.string().max(200).optional() }) }),
  z.object({
    text: z.string().max(2000),
    voiceGender: z.string().max(20).optional(),
    gender: z.string().max(20).optional(),
    language: z.string().max(20).optional(),
    lang: z.string().max(20).optional(),
  }),
  z.string().max(2000),
]);

export function readCampaignSettings(settings: Record<string, unknown>): CampaignSettings {
  const part = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const message = part(messageSchema, settings.message);
  const wizardCallerId = part(z.discriminatedUnion("mode", [z.object({ mode: z.literal("duty") }), z.object({ mode: z.literal("phone"), phone: z.string().max(40) })]), settings.callerId);
  const callerId = wizardCallerId ? (wizardCallerId.mode === "phone" ? wizardCallerId.phone : null) : part(z.string().max(40).nullable(), settings.callerId);
  const schedule = part(
    z.object({ window: z.object({ from: z.string().regex(WINDOW_TIME_PATTERN), to: z.string().regex(WINDOW_TIME_PATTERN) }).optional(), moved: z.boolean().optional() }),
    settings.schedule,
  );
  const planned = settings.plannedAt == null ? undefined : part(z.coerce.date(), settings.plannedAt);
  return {
    menu: part(ivrMenuSchema, settings.menu),
    message: message === undefined ? undefined : toMessage(message),
    callerId,
    record: part(z.boolean(), settings.needRecording) ?? part(z.boolean(), settings.record),
    plannedAt: planned && !Number.isNaN(planned.getTime()) ? planned : undefined,
    window: schedule?.window,
    startMoved: schedule?.moved ?? false,
  };
}

function toMessage(message: z.infer<typeof messageSchema>): CampaignMessage {
  if (typeof message === "string") return { kind: "text", text: message };
  if ("recordId" in message) return { kind: "record", recordId: message.recordId, name: message.name ?? message.recordName };
  if ("record" in message) return { kind: "record", recordId: message.record.id, name: message.record.name };
  return { kind: "text", text: message.text, voiceGender: message.voiceGender ?? message.gender, language: message.language ?? message.lang };
}
