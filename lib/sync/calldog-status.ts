import "server-only";
import { applyCallUpdates, type CallUpdate, listUnfinishedCallIds } from "@/lib/db/queries/calls";
import { addDncEntries } from "@/lib/db/queries/dnc";
import type { Connection } from "@/lib/db/schema";
import { callUpdateFromCalldog } from "@/lib/providers/calldog/call-update";
import type { CalldogClient } from "@/lib/providers/calldog/client";
import { DNC_SOURCE_CALLDOG_BLACKLIST } from "@/lib/webhooks/apply-events";

/** Calls older than this are no longer polled: an id the service stopped reporting must not be asked for forever. */
export const SYNC_HORIZON_MS = 14 * 86_400_000;
/** Ids per apiCalls/get (the client splits further at the service's ceiling) and per database transaction. */
const CHUNK = 500;

/**
 * One pass of the status sync for a connection: reads every non-final call from `apiCalls/get`, chunk by chunk,
 * and applies the answers like webhook events (monotonic, never out of a final state). A provider error is
 * thrown after the chunks before it were applied. Returns whether every call is final now. With `campaignId`,
 * only that campaign's calls are read (a campaign page's "refresh now").
 */
export async function syncCalldogStatuses({
  connection,
  client,
  campaignId,
  now = new Date(),
}: {
  connection: Pick<Connection, "id">;
  client: Pick<CalldogClient, "getCalls">;
  campaignId?: string;
  now?: Date;
}): Promise<{ polled: number; changed: number; allFinal: boolean }> {
  const createdSince = new Date(now.getTime() - SYNC_HORIZON_MS);
  const ids = await listUnfinishedCallIds({ connectionId: connection.id, campaignId, createdSince });
  let changed = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK).map(Number).filter(Number.isSafeInteger);
    const answers = await client.getCalls(chunk);
    const updates = answers.map((call) => callUpdateFromCalldog(call)).filter((u): u is CallUpdate => u !== undefined);
    changed += (await applyCallUpdates({ connectionId: connection.id, provider: "calldog", updates })).changed;
    const blocked = answers.filter((call) => call.blacklisted).map((call) => ({ phone: call.phone }));
    if (blocked.length > 0) await addDncEntries({ entries: blocked, source: DNC_SOURCE_CALLDOG_BLACKLIST });
  }
  const left = await listUnfinishedCallIds({ connectionId: connection.id, campaignId, createdSince, limit: 1 });
  return { polled: ids.length, changed, allFinal: left.length === 0 };
}
