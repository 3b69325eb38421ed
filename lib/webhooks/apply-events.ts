import "server-only";
import { applyCallUpdates, type CallUpdate, recordIvrAction } from "@/lib/db/queries/calls";
import { addDncEntries } from "@/lib/db/queries/dnc";
import { deferWebhookEvent, markWebhookEventsProcessed, nextWebhookEvents } from "@/lib/db/queries/webhook-events";
import type { WebhookEvent } from "@/lib/db/schema";
import { callUpdateFromCalldog } from "@/lib/providers/calldog/call-update";
import { parseCalldogEvent } from "@/lib/webhooks/calldog-event";

export const DNC_SOURCE_CALLDOG_BLACKLIST = "calldog-blacklist";
const BATCH = 1000;

/**
 * Applies stored webhook events to the calls, a batch at a time, until none is left or the time budget is
 * spent (then `more` is true and the caller queues another run). Safe to run twice on the same events:
 * applying is monotonic and the do-not-call list ignores a number it has.
 *
 * The receiver shares this process: during a burst, each full batch is followed by a pause as long as the
 * batch took, so that applying never takes more than half of the event loop from the deliveries still coming.
 */
export async function applyPendingWebhookEvents({ budgetMs = 20_000, pause = true }: { budgetMs?: number; pause?: boolean } = {}): Promise<{ applied: number; more: boolean }> {
  const started = Date.now();
  let applied = 0;
  for (;;) {
    const batchStarted = Date.now();
    const events = await nextWebhookEvents({ limit: BATCH });
    if (events.length === 0) return { applied, more: false };
    for (const [connectionId, group] of groupByConnection(events)) await applyGroupSafely(connectionId, group);
    applied += events.length;
    if (Date.now() - started > budgetMs) return { applied, more: true };
    if (pause && events.length === BATCH) await new Promise((resolve) => setTimeout(resolve, Date.now() - batchStarted));
  }
}

/** A batch that fails is applied one event at a time, so that one bad event is set aside instead of blocking the queue. */
async function applyGroupSafely(connectionId: string, events: WebhookEvent[]): Promise<void> {
  try {
    await applyGroup(connectionId, events);
  } catch {
    for (const event of events) {
      try {
        await applyGroup(connectionId, [event]);
      } catch (error) {
        console.error(`[webhooks] event ${event.id} could not be applied:`, error instanceof Error ? error.name : "unknown");
        await markWebhookEventsProcessed({ ids: [event.id], error: "applyFailed" });
      }
    }
  }
}

async function applyGroup(connectionId: string, events: WebhookEvent[]): Promise<void> {
  const updates: CallUpdate[] = [];
  const statusIds: string[] = [];
  const rejected: string[] = [];
  const blocked = new Set<string>();
  const ivr: { id: string; event: Extract<ReturnType<typeof parseCalldogEvent>, { kind: "ivr" }> }[] = [];
  for (const stored of events) {
    const event = parseCalldogEvent(stored.payload);
    if (event?.kind === "ivr") {
      ivr.push({ id: stored.id, event });
      continue;
    }
    const update = event ? callUpdateFromCalldog(event.call, event.rawStatus) : undefined;
    if (!event || !update) {
      rejected.push(stored.id);
      continue;
    }
    updates.push(update);
    statusIds.push(stored.id);
    if (event.call.blacklisted) blocked.add(event.call.phone);
  }
  await applyCallUpdates({ connectionId, provider: "calldog", updates });
  for (const { id, event } of ivr) {
    if (event.actions.includes("block")) blocked.add(event.phone);
    const linked = await recordIvrAction({ connectionId, phone: event.phone, campaignId: event.campaignId, answer: event.answer, actions: event.actions });
    if (linked) statusIds.push(id);
    else await deferWebhookEvent({ id, reason: "callNotFound" });
  }
  if (blocked.size > 0) {
    await addDncEntries({ entries: [...blocked].map((phone) => ({ phone })), source: DNC_SOURCE_CALLDOG_BLACKLIST });
  }
  await markWebhookEventsProcessed({ ids: statusIds });
  await markWebhookEventsProcessed({ ids: rejected, error: "unknownStatus" });
}

function groupByConnection(events: WebhookEvent[]): Map<string, WebhookEvent[]> {
  const groups = new Map<string, WebhookEvent[]>();
  for (const event of events) {
    const group = groups.get(event.connectionId);
    if (group) group.push(event);
    else groups.set(event.connectionId, [event]);
  }
  return groups;
}
