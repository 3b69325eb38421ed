import "server-only";
import { listCallSyncs } from "@/lib/db/queries/call-sync";
import { listConnectionSummaries } from "@/lib/db/queries/connections";

export type SyncStatus = {
  connectionId: string;
  name: string;
  state: "idle" | "queued" | "running" | "failed";
  batchesDone: number;
  batchesTotal: number;
  pagesRead: number;
  lastSuccessAt: string | null;
  /** A connections.results key when the last pass failed. */
  failure: string | null;
};

/** Each Calldron connection's sync, whether or not it ever ran. */
export async function syncStatuses(): Promise<SyncStatus[]> {
  const [connections, syncs] = await Promise.all([listConnectionSummaries(), listCallSyncs()]);
  const byId = new Map(syncs.map((s) => [s.connectionId, s]));
  return connections
    .filter((c) => c.provider === "calldron")
    .map((c) => {
      const s = byId.get(c.id);
      return {
        connectionId: c.id,
        name: c.name,
        state: s?.state ?? "idle",
        batchesDone: s?.batchesDone ?? 0,
        batchesTotal: s?.batchesTotal ?? 0,
        pagesRead: s?.pagesRead ?? 0,
        lastSuccessAt: s?.lastSuccessAt?.toISOString() ?? null,
        failure: s?.state === "failed" ? failureKey(s.errorKind) : null,
      };
    });
}

function failureKey(kind: string | null): string {
  if (kind === "auth" || kind === "rate_limited") return kind;
  if (kind === "unavailable") return "server";
  return "unexpected";
}
