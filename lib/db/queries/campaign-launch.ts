import "server-only";
import { and, eq, inArray, isNotNull, isNull, lt, ne, or, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { insertTaskIn, type NewTask } from "@/lib/db/queries/tasks";
import { type Campaign, type Task, calls, campaigns, tasks } from "@/lib/db/schema";

/** A wizard's draft: the campaign row in state `draft`, its choices in `settings`, its launch key made up front. */
export async function insertDraftCampaign(input: {
  connectionId: string;
  ownerId: string;
  name: string;
  launchKey: string;
  settings: Record<string, unknown>;
}): Promise<Campaign> {
  const [row] = await (await db())
    .insert(campaigns)
    .values({ provider: "calldog", state: "draft", ...input })
    .returning();
  if (!row) throw new Error("campaign insert returned nothing");
  return row;
}

export async function findCampaign({ id }: { id: string }): Promise<Campaign | undefined> {
  const [row] = await (await db()).select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

/** Saves a step of a draft; a campaign no longer in draft (launched meanwhile, in another tab) is left alone. */
export async function updateDraftCampaign({
  id,
  name,
  settings,
  plannedAt,
  timeZone,
}: {
  id: string;
  name: string;
  settings: Record<string, unknown>;
  plannedAt: Date | null;
  timeZone: string;
}): Promise<Campaign | undefined> {
  const [row] = await (await db())
    .update(campaigns)
    .set({ name, settings, plannedAt, timeZone, updatedAt: new Date() })
    .where(and(eq(campaigns.id, id), eq(campaigns.state, "draft")))
    .returning();
  return row;
}

/** Moves a draft's start (into the calling window at launch), with its settings saying so; a campaign no longer in draft is left alone. */
export async function setDraftPlannedAt({ id, plannedAt, settings }: { id: string; plannedAt: Date; settings: Record<string, unknown> }): Promise<void> {
  await (await db())
    .update(campaigns)
    .set({ plannedAt, settings, updatedAt: new Date() })
    .where(and(eq(campaigns.id, id), eq(campaigns.state, "draft")));
}

/**
 * A launch's chunk went out planned later than the campaign said (the window closed while the launch ran): the
 * campaign's planned start becomes the latest such start, and its schedule says it was moved.
 */
export async function noteMovedStart({ id, plannedAt }: { id: string; plannedAt: Date }): Promise<void> {
  await (await db())
    .update(campaigns)
    .set({
      plannedAt,
      settings: sql`case when jsonb_typeof(${campaigns.settings} -> 'schedule') = 'object' then jsonb_set(${campaigns.settings}, '{schedule,moved}', 'true') else ${campaigns.settings} end`,
      updatedAt: new Date(),
    })
    .where(and(eq(campaigns.id, id), or(isNull(campaigns.plannedAt), lt(campaigns.plannedAt, plannedAt))));
}

/** Replaces a draft's settings (the review's test call); undefined when it is no longer a draft. */
export async function setDraftSettings({ id, settings }: { id: string; settings: Record<string, unknown> }): Promise<Campaign | undefined> {
  const [row] = await (await db())
    .update(campaigns)
    .set({ settings, updatedAt: new Date() })
    .where(and(eq(campaigns.id, id), eq(campaigns.state, "draft")))
    .returning();
  return row;
}

export type LaunchStart =
  | { kind: "started"; task: Task; campaign: Campaign }
  | { kind: "already"; taskId: string | null; campaign: Campaign }
  | { kind: "keyMismatch" }
  | { kind: "gone" };

/**
 * The launch's one decision, in one transaction with the campaign row locked: a draft whose launch key matches
 * becomes `launching` with its task; a campaign already launched with that key answers with its task (a double
 * click, a retried request, a reload), so each launch key makes one task.
 */
export async function startCampaignLaunch({
  campaignId,
  launchKey,
  task,
}: {
  campaignId: string;
  launchKey: string;
  task: (campaign: Campaign) => NewTask;
}): Promise<LaunchStart> {
  return (await db()).transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
    if (!campaign) return { kind: "gone" as const };
    if (campaign.launchKey !== launchKey) return { kind: "keyMismatch" as const };
    if (campaign.state !== "draft") return { kind: "already" as const, taskId: campaign.launchTaskId, campaign };
    const created = await insertTaskIn(tx, task(campaign));
    const [updated] = await tx
      .update(campaigns)
      .set({ state: "launching", launchTaskId: created.id, updatedAt: new Date() })
      .where(eq(campaigns.id, campaignId))
      .returning();
    return { kind: "started" as const, task: created, campaign: updated ?? campaign };
  });
}

/**
 * A retry of the numbers that did not go out, as a new task, unless the campaign's current task is still
 * running (a double click makes one retry). Answers the task the campaign now follows.
 */
export async function startCampaignRetry({
  campaignId,
  fromTaskId,
  task,
}: {
  campaignId: string;
  fromTaskId: string;
  task: NewTask;
}): Promise<{ task: Task | undefined; created: boolean }> {
  return (await db()).transaction(async (tx) => {
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
    if (!campaign || campaign.launchTaskId !== fromTaskId) {
      const [current] = campaign?.launchTaskId ? await tx.select().from(tasks).where(eq(tasks.id, campaign.launchTaskId)) : [];
      return { task: current, created: false };
    }
    const created = await insertTaskIn(tx, task);
    await tx.update(campaigns).set({ state: "launching", launchTaskId: created.id, updatedAt: new Date() }).where(eq(campaigns.id, campaignId));
    return { task: created, created: true };
  });
}

/** The launch task's end: `launched`, or `partial` when some numbers did not go out. */
export async function finishCampaignLaunch({ id, state }: { id: string; state: "launched" | "partial" }): Promise<void> {
  await (await db())
    .update(campaigns)
    .set({ state, launchedAt: sql`coalesce(${campaigns.launchedAt}, now())`, updatedAt: new Date() })
    .where(and(eq(campaigns.id, id), eq(campaigns.state, "launching")));
}

/** The highest numeric provider call id the app knows on a connection (0 when none): where a lookup starts. */
export async function highestCallId({ connectionId }: { connectionId: string }): Promise<number> {
  const [row] = await (await db())
    .select({ max: sql<string | null>`max((${calls.providerCallId})::bigint)` })
    .from(calls)
    .where(and(eq(calls.connectionId, connectionId), sql`${calls.providerCallId} ~ '^[0-9]{1,15}$'`));
  return row?.max ? Number(row.max) : 0;
}

/** Of these provider call ids, those the app already holds under another campaign: never this campaign's calls. */
export async function callIdsOfOtherCampaigns({ connectionId, campaignId, ids }: { connectionId: string; campaignId: string; ids: string[] }): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await (await db())
    .select({ id: calls.providerCallId })
    .from(calls)
    .where(
      and(
        eq(calls.connectionId, connectionId),
        inArray(calls.providerCallId, ids),
        isNotNull(calls.campaignId),
        ne(calls.campaignId, campaignId),
      ),
    );
  return new Set(rows.map((r) => r.id as string));
}
