import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, or, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type CallRow, type CallStatus, calls, type Provider } from "@/lib/db/schema";
import { type StatusMapping, storedState, supersedes } from "@/lib/providers/call-status";

/** What a provider said about one of its calls, already in the common shape (see lib/providers/call-status.ts). */
export type CallUpdate = {
  providerCallId: string;
  /** E.164. */
  phone: string;
  rawStatus: string;
  mapping: StatusMapping;
  durationSeconds: number | null;
  dialedAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  ivrAnswer: string | null;
  /** What the IVR did (block, transfer, sms, webhook); merged with what is known already. */
  ivrActions: string[];
  recordingRef: string | null;
  raw: Record<string, unknown>;
};

type SyncedProvider = Extract<Provider, "calldog" | "calldron">;

/**
 * Calls the provider has just created, under their campaign. A row an early webhook made already (before the
 * create's answer was stored) keeps its status and gains the campaign.
 */
export async function recordCreatedCalls({
  connectionId,
  provider,
  campaignId,
  created,
}: {
  connectionId: string;
  provider: SyncedProvider;
  campaignId: string | null;
  created: { providerCallId: string; phone: string }[];
}): Promise<void> {
  const database = await db();
  for (let i = 0; i < created.length; i += 1000) {
    const chunk = created.slice(i, i + 1000);
    await database
      .insert(calls)
      .values(chunk.map((c) => ({ provider, connectionId, campaignId, providerCallId: c.providerCallId, phone: c.phone })))
      .onConflictDoUpdate({
        target: [calls.connectionId, calls.providerCallId],
        set: { campaignId: sql`coalesce(${calls.campaignId}, excluded.campaign_id)`, updatedAt: new Date() },
      });
  }
}

/**
 * Applies status updates (webhook events or a sync's answers) in one transaction: unknown calls are created,
 * known ones move only forward and never out of a final state (`supersedes`), so a late or repeated update
 * changes nothing. Returns how many rows changed.
 */
export async function applyCallUpdates({
  connectionId,
  provider,
  updates,
  campaignId = null,
}: {
  connectionId: string;
  provider: SyncedProvider;
  updates: CallUpdate[];
  /** The campaign the calls belong to, when the source says (a Calldron batch's listing); a known one is kept. */
  campaignId?: string | null;
}): Promise<{ changed: number }> {
  if (updates.length === 0) return { changed: 0 };
  return (await db()).transaction(async (tx) => {
    const ids = [...new Set(updates.map((u) => u.providerCallId))];
    // Everything a merge keeps from the stored row; `raw` is always replaced, so it is not read back.
    const existing = await tx
      .select({
        providerCallId: calls.providerCallId,
        phone: calls.phone,
        status: calls.status,
        rawStatus: calls.rawStatus,
        final: calls.final,
        durationSeconds: calls.durationSeconds,
        dialedAt: calls.dialedAt,
        answeredAt: calls.answeredAt,
        endedAt: calls.endedAt,
        ivrAnswer: calls.ivrAnswer,
        ivrAction: calls.ivrAction,
        recordingRef: calls.recordingRef,
      })
      .from(calls)
      .where(and(eq(calls.connectionId, connectionId), inArray(calls.providerCallId, ids)))
      .for("update");
    const state = new Map<string, Merged>(existing.map(({ providerCallId, ...row }) => [providerCallId as string, { ...row, raw: null }]));
    const changed = new Set<string>();
    for (const update of updates) {
      const current = state.get(update.providerCallId);
      const currentState = current ? storedState(provider, current.rawStatus, current.final) : undefined;
      if (!supersedes(currentState, update.mapping)) continue;
      state.set(update.providerCallId, merge(current, update));
      changed.add(update.providerCallId);
    }
    if (changed.size === 0) return { changed: 0 };
    const now = new Date();
    const rows = [...changed].map((id) => ({ ...(state.get(id) as Merged), provider, connectionId, campaignId, providerCallId: id, updatedAt: now }));
    await tx
      .insert(calls)
      .values(rows)
      .onConflictDoUpdate({
        target: [calls.connectionId, calls.providerCallId],
        set: {
          status: sql`excluded.status`,
          rawStatus: sql`excluded.raw_status`,
          final: sql`excluded.final`,
          durationSeconds: sql`excluded.duration_seconds`,
          dialedAt: sql`excluded.dialed_at`,
          answeredAt: sql`excluded.answered_at`,
          endedAt: sql`excluded.ended_at`,
          ivrAnswer: sql`coalesce(excluded.ivr_answer, ${calls.ivrAnswer})`,
          ivrAction: sql`excluded.ivr_action`,
          recordingRef: sql`excluded.recording_ref`,
          raw: sql`excluded.raw`,
          campaignId: sql`coalesce(${calls.campaignId}, excluded.campaign_id)`,
          updatedAt: sql`excluded.updated_at`,
        },
        // A row that became final after our read (a row we could not lock because it did not exist yet) stays.
        setWhere: sql`not ${calls.final}`,
      });
    return { changed: changed.size };
  });
}

type Merged = Pick<
  CallRow,
  "phone" | "status" | "rawStatus" | "final" | "durationSeconds" | "dialedAt" | "answeredAt" | "endedAt" | "ivrAnswer" | "ivrAction" | "recordingRef" | "raw"
>;

/** The newer update wins; what it does not know (null) is kept from before. */
function merge(current: Merged | undefined, update: CallUpdate): Merged {
  return {
    phone: current?.phone ?? update.phone,
    status: update.mapping.status,
    rawStatus: update.rawStatus,
    final: update.mapping.final,
    durationSeconds: update.durationSeconds ?? current?.durationSeconds ?? null,
    dialedAt: update.dialedAt ?? current?.dialedAt ?? null,
    answeredAt: update.answeredAt ?? current?.answeredAt ?? null,
    endedAt: update.endedAt ?? current?.endedAt ?? null,
    ivrAnswer: update.ivrAnswer ?? current?.ivrAnswer ?? null,
    ivrAction: mergeActions(current?.ivrAction ?? null, update.ivrActions),
    recordingRef: update.recordingRef ?? current?.recordingRef ?? null,
    raw: update.raw,
  };
}

export function mergeActions(stored: string | null, more: string[]): string | null {
  const all = new Set([...(stored ? stored.split(",") : []), ...more]);
  return all.size ? [...all].sort().join(",") : null;
}

/**
 * An IVR action reported on its own (Calldog's IVR webhook carries the phone, not the call id): linked to the
 * newest call to that number on the connection, within the campaign when known. Undefined when there is none.
 */
export async function recordIvrAction({
  connectionId,
  phone,
  campaignId,
  answer,
  actions,
}: {
  connectionId: string;
  phone: string;
  campaignId?: string;
  answer: string;
  actions: string[];
}): Promise<{ callId: string } | undefined> {
  return (await db()).transaction(async (tx) => {
    const [call] = await tx
      .select({ id: calls.id, ivrAction: calls.ivrAction })
      .from(calls)
      .where(and(eq(calls.connectionId, connectionId), eq(calls.phone, phone), campaignId ? eq(calls.campaignId, campaignId) : undefined))
      .orderBy(desc(calls.createdAt))
      .limit(1)
      .for("update");
    if (!call) return undefined;
    await tx
      .update(calls)
      .set({ ivrAnswer: sql`coalesce(${calls.ivrAnswer}, ${answer})`, ivrAction: mergeActions(call.ivrAction, actions), updatedAt: new Date() })
      .where(eq(calls.id, call.id));
    return { callId: call.id };
  });
}

/** Provider ids of the connection's (or one campaign's) calls that are not final yet, oldest first (what a status sync polls). */
export async function listUnfinishedCallIds({
  connectionId,
  campaignId,
  createdSince,
  limit = 5000,
}: {
  connectionId: string;
  campaignId?: string;
  createdSince: Date;
  limit?: number;
}): Promise<string[]> {
  const rows = await (await db())
    .select({ providerCallId: calls.providerCallId })
    .from(calls)
    .where(
      and(
        eq(calls.connectionId, connectionId),
        campaignId ? eq(calls.campaignId, campaignId) : undefined,
        eq(calls.final, false),
        isNotNull(calls.providerCallId),
        gt(calls.createdAt, createdSince),
      ),
    )
    .orderBy(asc(calls.createdAt))
    .limit(limit);
  return rows.map((r) => r.providerCallId as string);
}

/** Connections of a provider with calls still to finish (created since then): the status sync's to-do list. */
export async function connectionsWithUnfinishedCalls({ provider, createdSince }: { provider: SyncedProvider; createdSince: Date }): Promise<string[]> {
  const rows = await (await db())
    .selectDistinct({ connectionId: calls.connectionId })
    .from(calls)
    .where(and(eq(calls.provider, provider), eq(calls.final, false), isNotNull(calls.providerCallId), gt(calls.createdAt, createdSince)));
  return rows.map((r) => r.connectionId);
}

/** A campaign's calls, oldest first, keyset-paged by (created_at, id); optionally one status. */
export async function listCampaignCalls({
  campaignId,
  status,
  after,
  limit = 50,
}: {
  campaignId: string;
  status?: CallStatus;
  after?: { createdAt: Date; id: string };
  limit?: number;
}): Promise<CallRow[]> {
  const conditions = [
    eq(calls.campaignId, campaignId),
    status ? eq(calls.status, status) : undefined,
    after ? or(gt(calls.createdAt, after.createdAt), and(eq(calls.createdAt, after.createdAt), gt(calls.id, after.id))) : undefined,
  ].filter((c) => c !== undefined);
  return (await db())
    .select()
    .from(calls)
    .where(and(...conditions))
    .orderBy(asc(calls.createdAt), asc(calls.id))
    .limit(limit);
}

export type CampaignCounters = { total: number; final: number; byStatus: Partial<Record<CallStatus, number>> };

/** Each call counted once, by its current common status. */
export async function campaignCallCounters({ campaignId }: { campaignId: string }): Promise<CampaignCounters> {
  const rows = await (await db())
    .select({ status: calls.status, final: calls.final, n: count() })
    .from(calls)
    .where(eq(calls.campaignId, campaignId))
    .groupBy(calls.status, calls.final);
  const out: CampaignCounters = { total: 0, final: 0, byStatus: {} };
  for (const row of rows) {
    out.total += row.n;
    if (row.final) out.final += row.n;
    out.byStatus[row.status] = (out.byStatus[row.status] ?? 0) + row.n;
  }
  return out;
}

export async function findCallByProviderId({ connectionId, providerCallId }: { connectionId: string; providerCallId: string }): Promise<CallRow | undefined> {
  const [row] = await (await db())
    .select()
    .from(calls)
    .where(and(eq(calls.connectionId, connectionId), eq(calls.providerCallId, providerCallId)));
  return row;
}
