import { createHash } from "node:crypto";
import { z } from "zod";
import { type CalldogCall, callInfoSchema } from "@/lib/providers/calldog/schema";
import { fromCalldogPhone } from "@/lib/providers/calldog/wire";

/**
 * The two bodies Calldog POSTs to a webhook URL: a call's status (the bare call info, on every status change)
 * and an IVR action (`{"call": {"phone", "answer"}, ...webhookParameters}` when a menu handler with a webhook
 * runs). Both are told apart by shape, validated here and given a dedupe key (docs/providers.md):
 * - status: `status:<call id>:<status>` — a call passes through each status once, and a retried delivery
 *   repeats the same body, so the pair names the event;
 * - IVR: `ivr:<sha-256 of the canonical body>` — the body has no call id; the app's own parameters
 *   (`IVR_MARKERS`, the campaign) make two campaigns' answers from one number differ.
 */
export type CalldogEvent =
  | { kind: "status"; dedupeKey: string; rawStatus: string; call: CalldogCall }
  | { kind: "ivr"; dedupeKey: string; phone: string; answer: string; campaignId?: string; actions: string[] };

/** Parameters the app adds to every IVR handler's webhook so that the answer finds its campaign and action. */
export const IVR_MARKERS = { campaign: "prozvonCampaign", actions: "prozvonActions" } as const;

/** The `webhookParameters` for an IVR handler: the user's own, plus the campaign and the handler's actions. */
export function ivrWebhookParameters({
  campaignId,
  actions,
  extra = {},
}: {
  campaignId: string;
  actions: string[];
  extra?: Record<string, string>;
}): Record<string, string> {
  return { ...extra, [IVR_MARKERS.campaign]: campaignId, [IVR_MARKERS.actions]: ["webhook", ...actions].join(",") };
}

const rawStatusSchema = z.object({ id: z.unknown(), status: z.string().min(1).max(40) });

const ivrBodySchema = z.looseObject({
  call: z.object({
    phone: z.union([z.string().regex(/^\+?\d{5,20}$/), z.number().int().positive()]),
    answer: z.union([z.string().min(1).max(100), z.number().int()]),
  }),
});

const markerSchema = z.object({
  [IVR_MARKERS.campaign]: z.uuid().optional().catch(undefined),
  [IVR_MARKERS.actions]: z.string().max(200).optional().catch(undefined),
});

export function parseCalldogEvent(body: unknown): CalldogEvent | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  if ("call" in body) return parseIvr(body);
  const raw = rawStatusSchema.safeParse(body);
  const call = callInfoSchema.safeParse(body);
  if (!raw.success || !call.success) return undefined;
  return { kind: "status", dedupeKey: `status:${call.data.id}:${raw.data.status}`, rawStatus: raw.data.status, call: call.data };
}

function parseIvr(body: object): CalldogEvent | undefined {
  const parsed = ivrBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const markers = markerSchema.parse(parsed.data);
  const actions = markers[IVR_MARKERS.actions]?.split(",").map((a) => a.trim()).filter(Boolean) ?? ["webhook"];
  return {
    kind: "ivr",
    dedupeKey: `ivr:${createHash("sha256").update(canonicalJson(parsed.data)).digest("hex").slice(0, 40)}`,
    phone: fromCalldogPhone(String(parsed.data.call.phone)),
    answer: String(parsed.data.call.answer),
    campaignId: markers[IVR_MARKERS.campaign],
    actions,
  };
}

/** JSON with object keys sorted, so that the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
