import "server-only";
import { z } from "zod";
import { createCallsInput, type LaunchableSettings, missingStep, readSettings } from "@/lib/calldog/campaign-settings";
import { callIdsOfOtherCampaigns, findCampaign, finishCampaignLaunch, highestCallId, noteMovedStart } from "@/lib/db/queries/campaign-launch";
import { recordCreatedCalls } from "@/lib/db/queries/calls";
import { findConnection } from "@/lib/db/queries/connections";
import { addItemsPayload, findTask, findTaskItems } from "@/lib/db/queries/tasks";
import type { Connection, TaskItem } from "@/lib/db/schema";
import { screenForDialing } from "@/lib/dialing/screen";
import { scheduleCalldogSync } from "@/lib/jobs/calldog-sync";
import type { CalldogClient } from "@/lib/providers/calldog/client";
import { CALLDOG_MAX_IDS_PER_GET, CALLDOG_MAX_PHONES_PER_REQUEST, type CalldogCreateCallsInput } from "@/lib/providers/calldog/wire";
import { clientFor } from "@/lib/providers/connection-clients";
import type { ItemResult, TaskHandler } from "@/lib/tasks/types";
import { TaskStop } from "@/lib/tasks/types";
import { webhookUrl } from "@/lib/webhooks/url";

export const CALLDOG_LAUNCH_KIND = "calldog.launch";

/**
 * What a number can come to: `created` (Calldog answered with its call), `reconciled` (a create whose answer was
 * lost turned out, looking the calls up, to have made it), `dnc` (held back by the do-not-call list at launch),
 * `failed` (refused by Calldog, with its reason, or a whole request refused: these did not go out).
 */
export const LAUNCH_OUTCOMES = ["created", "reconciled", "dnc", "failed"] as const;

export const launchInputSchema = z.object({ campaignId: z.uuid(), connectionId: z.uuid(), retryOf: z.uuid().optional() });
export type LaunchInput = z.infer<typeof launchInputSchema>;

/**
 * How a lost answer is looked up (docs/providers.md, "Reconciling a lost create"): Calldog lists no calls, so the
 * launch reads `apiCalls/get` over the ids after the highest one known before the create, in windows, and stops
 * when every number is found or after this many windows in a row with nothing of the account.
 */
const EMPTY_WINDOWS_TO_STOP = 3;
const MAX_WINDOWS = 50;

type Context = {
  client: CalldogClient;
  campaignId: string;
  connectionId: string;
  base: Omit<CalldogCreateCallsInput, "phones">;
  plannedAt: Date | null;
  /** The campaign's zone, in which its calling window and the organisation's are read. */
  timeZone: string;
  /** The campaign's own daily window (older drafts have none: the organisation's alone). */
  window: { from: string; to: string } | undefined;
  /** The highest call id known before the next create: its calls get higher ids. */
  floor: number;
};

type ClientForConnection = (connection: Connection & { provider: "calldog" }) => CalldogClient;

/**
 * `calldog.launch`: creates one call per number of a campaign, in chunks of up to 1000 numbers, each number once.
 * Every number is screened again right before its chunk goes out, and so is the start time: a chunk that would
 * start outside the campaign's calling window or the organisation's (a launch delayed past closing time, a window
 * narrowed since the review) goes out planned at the next opening of both, and the campaign says so. The chunk's items are in flight (with the id
 * floor written on them) before Calldog is called, so a lost answer, a timeout or a crash is reconciled by looking
 * the calls up before anything is sent again.
 */
export function createLaunchHandler({
  clientForConnection = taskClient as ClientForConnection,
  chunkSize = CALLDOG_MAX_PHONES_PER_REQUEST,
}: { clientForConnection?: ClientForConnection; chunkSize?: number } = {}): TaskHandler<Context> {
  return {
    kind: CALLDOG_LAUNCH_KIND,
    batchSize: Math.min(chunkSize, CALLDOG_MAX_PHONES_PER_REQUEST),

    async prepare(task) {
      const input = launchInputSchema.parse(task.input);
      const campaign = await findCampaign({ id: input.campaignId });
      if (!campaign) throw new TaskStop("campaignGone");
      const connection = await findConnection({ id: campaign.connectionId });
      if (connection?.provider !== "calldog") throw new TaskStop("connectionNotFound");
      const settings = readSettings(campaign.settings);
      if (missingStep(settings)) throw new TaskStop("campaignIncomplete");
      const base = createCallsInput(settings as LaunchableSettings, campaign.plannedAt, await webhookUrl(connection.id));
      return {
        client: clientForConnection(connection as Connection & { provider: "calldog" }),
        campaignId: campaign.id,
        connectionId: connection.id,
        base,
        plannedAt: campaign.plannedAt,
        timeZone: campaign.timeZone,
        window: settings.schedule?.window,
        floor: await highestCallId({ connectionId: connection.id }),
      };
    },

    async process(item, context, uncertain) {
      const results = await launchChunk([item], context, uncertain);
      return results.get(item.id) ?? { outcome: "failed", detail: "noResult" };
    },

    processBatch: (items, context, uncertain) => launchChunk(items, context, uncertain),

    async finish(task, context) {
      const done = await findTask({ id: task.id });
      await finishCampaignLaunch({ id: context.campaignId, state: (done?.counts.failed ?? 0) > 0 ? "partial" : "launched" });
      await scheduleCalldogSync(context.connectionId);
    },
  };
}

export const calldogLaunchHandler = createLaunchHandler();

async function launchChunk(items: TaskItem[], context: Context, uncertain: boolean): Promise<Map<string, ItemResult>> {
  const results = new Map<string, ItemResult>();
  let toSend = items;
  if (uncertain) {
    // Only items with a floor were sent: one without was marked in flight but never left.
    const sent = (await findTaskItems({ ids: items.map((i) => i.id) })).filter((i) => typeof i.payload?.floor === "number");
    if (sent.length > 0) {
      const floor = Math.min(...sent.map((i) => i.payload?.floor as number));
      const sentPlanned = sent[0]?.payload?.plannedAt;
      const planned = typeof sentPlanned === "string" ? new Date(sentPlanned) : sentPlanned === null ? null : context.plannedAt;
      const found = await lookUpCalls(context, new Set(sent.map((i) => i.key)), floor, planned);
      await record(context, found);
      for (const item of items) if (found.has(item.key)) results.set(item.id, { outcome: "reconciled" });
      toSend = items.filter((i) => !found.has(i.key));
    }
  }
  const screened = await screenForDialing({
    phones: toSend.map((i) => i.key),
    start: { at: context.plannedAt ?? new Date(), timeZone: context.timeZone, window: context.window, outside: "move" },
  });
  const allowed = new Set(screened.allowed);
  // Held back by the window only when it can never open (the organisation's narrowed apart from the campaign's): not sent, retryable.
  const windowHeld = new Set(screened.heldBack.filter((h) => h.reason === "window").map((h) => h.phone));
  for (const item of toSend) {
    if (windowHeld.has(item.key)) results.set(item.id, { outcome: "failed", detail: "outsideWindow" });
    else if (!allowed.has(item.key)) results.set(item.id, { outcome: "dnc" });
  }
  const sending = toSend.filter((i) => allowed.has(i.key));
  if (sending.length === 0) return results;

  const plannedAt = screened.start?.moved ? screened.start.startAt : context.plannedAt;
  if (plannedAt && screened.start?.moved) await noteMovedStart({ id: context.campaignId, plannedAt });
  const floor = context.floor;
  await addItemsPayload({ ids: sending.map((i) => i.id), payload: { floor, plannedAt: plannedAt?.toISOString() ?? null } });
  const answer = await context.client.createCalls({ ...context.base, plannedAt: plannedAt ?? undefined, phones: sending.map((i) => i.key) });
  const created = new Map<string, number>();
  const refused = new Map<string, string>();
  for (const call of answer) {
    if (!call.phone) continue;
    if (call.id !== null && call.status !== "error") created.set(call.phone, call.id);
    else refused.set(call.phone, (call.message ?? "refused").slice(0, 300));
  }
  // A number the answer does not mention may still have been created: looked up like a lost answer.
  const unmentioned = sending.filter((i) => !created.has(i.key) && !refused.has(i.key));
  const found = unmentioned.length > 0 ? await lookUpCalls(context, new Set(unmentioned.map((i) => i.key)), floor, plannedAt) : new Map<string, number>();
  await record(context, new Map([...created, ...found]));
  context.floor = Math.max(context.floor, ...created.values(), ...found.values());
  for (const item of sending) {
    if (created.has(item.key)) results.set(item.id, { outcome: "created" });
    else if (found.has(item.key)) results.set(item.id, { outcome: "reconciled" });
    else results.set(item.id, { outcome: "failed", detail: refused.get(item.key) ?? "notInAnswer" });
  }
  return results;
}

/**
 * This campaign's calls to these numbers made after `floor`: reads ids above it, a window at a time; a call the app
 * holds under another campaign is not ours; the newest call to a number wins.
 */
async function lookUpCalls(context: Context, phones: Set<string>, floor: number, plannedAt: Date | null): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const planned = plannedAt ? Math.floor(plannedAt.getTime() / 1000) : null;
  let empty = 0;
  for (let window = 0; window < MAX_WINDOWS && empty < EMPTY_WINDOWS_TO_STOP; window++) {
    const start = floor + 1 + window * CALLDOG_MAX_IDS_PER_GET;
    const ids = Array.from({ length: CALLDOG_MAX_IDS_PER_GET }, (_, i) => start + i);
    const calls = await context.client.getCalls(ids);
    empty = calls.length === 0 ? empty + 1 : 0;
    const others = await callIdsOfOtherCampaigns({ connectionId: context.connectionId, campaignId: context.campaignId, ids: calls.map((c) => String(c.id)) });
    for (const call of calls) {
      if (!phones.has(call.phone) || others.has(String(call.id))) continue;
      if (planned !== null && call.plannedAt && Math.floor(Date.parse(call.plannedAt) / 1000) !== planned) continue;
      if ((found.get(call.phone) ?? 0) < call.id) found.set(call.phone, call.id);
    }
    if (found.size === phones.size && calls.length === 0) break;
  }
  return found;
}

async function record(context: Context, calls: Map<string, number>): Promise<void> {
  if (calls.size === 0) return;
  await recordCreatedCalls({
    connectionId: context.connectionId,
    provider: "calldog",
    campaignId: context.campaignId,
    created: [...calls].map(([phone, id]) => ({ phone, providerCallId: String(id) })),
  });
}

/** Background work waits longer for the provider than a page does. */
function taskClient(connection: Connection & { provider: "calldog" }): CalldogClient {
  return clientFor(connection, { budget: "task" });
}
