"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { type SyncStatus, syncStatuses } from "@/lib/calls/sync-status";
export type { SyncStatus };
import { findCallDetail } from "@/lib/db/queries/call-list";
import { listConnectionSummaries } from "@/lib/db/queries/connections";
import { SafeError } from "@/lib/errors";
import { scheduleCalldronSync } from "@/lib/jobs/calldron-sync";

/** "Refresh now": queues a sync of every Calldron connection (one job each; asking twice queues nothing more). */
export const refreshCalls = action({ role: "any", schema: z.object({}) }, async (): Promise<{ outcome: "queued" | "noConnections" | "queueDown"; statuses: SyncStatus[] }> => {
  const connections = (await listConnectionSummaries()).filter((c) => c.provider === "calldron");
  if (connections.length === 0) return { outcome: "noConnections", statuses: [] };
  for (const c of connections) {
    if (!(await scheduleCalldronSync(c.id))) return { outcome: "queueDown", statuses: await syncStatuses() };
  }
  return { outcome: "queued", statuses: await syncStatuses() };
});

/** Where each Calldron connection's sync stands, for the progress line and "last synced". */
export const callSyncStatus = action({ role: "any", schema: z.object({}) }, async (): Promise<SyncStatus[]> => syncStatuses());

/** One call's stored details and the provider's raw data, for the detail panel. */
export const callDetail = action({ role: "any", schema: z.object({ id: z.uuid() }) }, async ({ id }) => {
  const row = await findCallDetail({ id });
  if (!row) throw new SafeError("callsView.detailFailed");
  return { providerCallId: row.providerCallId, rawStatus: row.rawStatus, updatedAt: row.updatedAt.toISOString(), raw: JSON.stringify(row.raw ?? {}, null, 2) };
});
