import "server-only";
import { and, asc, avg, count, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type CallRow, type CallStatus, type Campaign, calls, campaigns, connections } from "@/lib/db/schema";

/** "none" filters the calls without an IVR answer; any other value is an answer as stored (a digit, -1, a key word). */
export const NO_IVR_ANSWER = "none";

export type CampaignWithConnection = Campaign & { connectionName: string; connectionProvider: string };

/** A campaign with its connection's name; undefined when either is gone. */
export async function findCampaign({ id }: { id: string }): Promise<CampaignWithConnection | undefined> {
  const [row] = await (await db())
    .select({ campaign: campaigns, connectionName: connections.name, connectionProvider: connections.provider })
    .from(campaigns)
    .innerJoin(connections, eq(connections.id, campaigns.connectionId))
    .where(eq(campaigns.id, id));
  return row ? { ...row.campaign, connectionName: row.connectionName, connectionProvider: row.connectionProvider } : undefined;
}

export type CampaignStats = {
  /** Calls that reached the callee (common status `answered`). */
  answered: number;
  /** Average talk time of the answered calls, in seconds; null before the first one ends. */
  averageDurationSeconds: number | null;
  /** How many calls gave each IVR answer, as stored. */
  ivrAnswers: Record<string, number>;
};

export async function campaignStats({ campaignId }: { campaignId: string }): Promise<CampaignStats> {
  const database = await db();
  const [answered] = await database
    .select({ n: count(), average: avg(calls.durationSeconds) })
    .from(calls)
    .where(and(eq(calls.campaignId, campaignId), eq(calls.status, "answered")));
  const answers = await database
    .select({ answer: calls.ivrAnswer, n: count() })
    .from(calls)
    .where(and(eq(calls.campaignId, campaignId), sql`${calls.ivrAnswer} is not null`))
    .groupBy(calls.ivrAnswer);
  return {
    answered: answered?.n ?? 0,
    averageDurationSeconds: answered?.average == null ? null : Number(answered.average),
    ivrAnswers: Object.fromEntries(answers.map((a) => [a.answer as string, a.n])),
  };
}

export type CampaignCallsFilter = { status?: CallStatus; ivrAnswer?: string };

/** One page of a campaign's calls, oldest first, filtered by status and IVR answer; with how many match. */
export async function campaignCallsPage({
  campaignId,
  filter = {},
  page,
  pageSize,
}: {
  campaignId: string;
  filter?: CampaignCallsFilter;
  page: number;
  pageSize: number;
}): Promise<{ rows: CallRow[]; matching: number }> {
  const where = and(
    eq(calls.campaignId, campaignId),
    filter.status ? eq(calls.status, filter.status) : undefined,
    filter.ivrAnswer === NO_IVR_ANSWER ? isNull(calls.ivrAnswer) : filter.ivrAnswer ? eq(calls.ivrAnswer, filter.ivrAnswer) : undefined,
  );
  const database = await db();
  const [total] = await database.select({ n: count() }).from(calls).where(where);
  const rows = await database
    .select()
    .from(calls)
    .where(where)
    .orderBy(asc(calls.createdAt), asc(calls.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, matching: total?.n ?? 0 };
}

export async function findCall({ id }: { id: string }): Promise<CallRow | undefined> {
  const [row] = await (await db()).select().from(calls).where(eq(calls.id, id));
  return row;
}

export type CampaignListRow = Pick<Campaign, "id" | "name" | "state" | "createdAt" | "connectionId"> & {
  connectionName: string;
  calls: number;
  answered: number;
  final: number;
};

/** A provider's campaigns made in the app, newest first, with their call counts. */
export async function listCampaigns({ provider, limit = 200 }: { provider: Campaign["provider"]; limit?: number }): Promise<CampaignListRow[]> {
  const database = await db();
  // Counted per campaign in a lateral subquery: an index-only scan of calls_campaign_figures for each campaign,
  // where a join then group by sorted every call of every campaign (150 ms at 200,000 calls, bench:load).
  const figures = database
    .select({
      calls: sql<number>`count(*)::int`.as("calls"),
      answered: sql<number>`count(*) filter (where ${calls.status} = 'answered')::int`.as("answered"),
      final: sql<number>`count(*) filter (where ${calls.final})::int`.as("final"),
    })
    .from(calls)
    .where(eq(calls.campaignId, campaigns.id))
    .as("figures");
  const rows = await database
    .select({
      id: campaigns.id,
      name: campaigns.name,
      state: campaigns.state,
      createdAt: campaigns.createdAt,
      connectionId: campaigns.connectionId,
      connectionName: connections.name,
      calls: figures.calls,
      answered: figures.answered,
      final: figures.final,
    })
    .from(campaigns)
    .innerJoin(connections, eq(connections.id, campaigns.connectionId))
    .innerJoinLateral(figures, sql`true`)
    .where(eq(campaigns.provider, provider))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, calls: Number(r.calls), answered: Number(r.answered), final: Number(r.final) }));
}

export async function insertCampaign({ campaign }: { campaign: typeof campaigns.$inferInsert }): Promise<Campaign> {
  const [row] = await (await db()).insert(campaigns).values(campaign).returning();
  return row as Campaign;
}
