import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { connections, type WebhookEvent, webhookEvents } from "@/lib/db/schema";

/** A receiver token: 32 random bytes, base64url (43 characters). */
export const WEBHOOK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The connection's receiver token, created the first time it is needed (two racing callers get the same one). */
export async function ensureWebhookToken({ connectionId }: { connectionId: string }): Promise<string | undefined> {
  const database = await db();
  await database
    .update(connections)
    .set({ webhookToken: newToken() })
    .where(and(eq(connections.id, connectionId), isNull(connections.webhookToken)));
  const [row] = await database.select({ token: connections.webhookToken }).from(connections).where(eq(connections.id, connectionId));
  return row?.token ?? undefined;
}

/** A new token; the old one stops working at once. */
export async function rotateWebhookToken({ connectionId }: { connectionId: string }): Promise<string | undefined> {
  const [row] = await (await db())
    .update(connections)
    .set({ webhookToken: newToken(), updatedAt: new Date() })
    .where(eq(connections.id, connectionId))
    .returning({ token: connections.webhookToken });
  return row?.token ?? undefined;
}

/** Whether the token belongs to a connection of the provider (for answering 404 before anything else). */
export async function findConnectionIdByToken({ token, provider }: { token: string; provider: "calldog" }): Promise<string | undefined> {
  const [row] = await (await db())
    .select({ id: connections.id })
    .from(connections)
    .where(and(eq(connections.webhookToken, token), eq(connections.provider, provider)));
  return row?.id;
}

/** Events waiting to be applied, oldest first; deferred ones (an error set, not processed) are left for the sweep. */
export async function nextWebhookEvents({ limit }: { limit: number }): Promise<WebhookEvent[]> {
  return (await db())
    .select()
    .from(webhookEvents)
    .where(and(isNull(webhookEvents.processedAt), isNull(webhookEvents.error)))
    .orderBy(asc(webhookEvents.receivedAt), asc(webhookEvents.id))
    .limit(limit);
}

export async function markWebhookEventsProcessed({ ids, error = null }: { ids: string[]; error?: string | null }): Promise<void> {
  if (ids.length === 0) return;
  await (await db()).update(webhookEvents).set({ processedAt: new Date(), error }).where(inArray(webhookEvents.id, ids));
}

/** Not applicable yet (e.g. an IVR answer before its call is known): kept unprocessed with a reason, retried by the sweep. */
export async function deferWebhookEvent({ id, reason }: { id: string; reason: string }): Promise<void> {
  await (await db()).update(webhookEvents).set({ error: reason }).where(eq(webhookEvents.id, id));
}

/** Deferred events younger than `giveUpBefore` are retried; older ones are closed with their reason. Returns how many retry. */
export async function reviveDeferredWebhookEvents({ giveUpBefore }: { giveUpBefore: Date }): Promise<number> {
  const database = await db();
  const deferred = and(isNull(webhookEvents.processedAt), isNotNull(webhookEvents.error));
  await database
    .update(webhookEvents)
    .set({ processedAt: new Date() })
    .where(and(deferred, lt(webhookEvents.receivedAt, giveUpBefore)));
  const revived = await database.update(webhookEvents).set({ error: null }).where(deferred).returning({ id: webhookEvents.id });
  return revived.length;
}

export async function countPendingWebhookEvents(): Promise<number> {
  const [row] = await (await db())
    .select({ n: count() })
    .from(webhookEvents)
    .where(and(isNull(webhookEvents.processedAt), isNull(webhookEvents.error)));
  return row?.n ?? 0;
}

export type WebhookStats = { lastReceivedAt: Date | null; receivedToday: number; pending: number; failed: number };

/** What an admin sees beside the receiver URL: is anything arriving, and is it applied. */
export async function webhookStats({ connectionId, since }: { connectionId: string; since: Date }): Promise<WebhookStats> {
  const database = await db();
  const [last] = await database
    .select({ at: webhookEvents.receivedAt })
    .from(webhookEvents)
    .where(eq(webhookEvents.connectionId, connectionId))
    .orderBy(desc(webhookEvents.receivedAt))
    .limit(1);
  const [counts] = await database
    .select({
      received: count(),
      pending: sql<number>`count(*) filter (where ${webhookEvents.processedAt} is null)`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${webhookEvents.processedAt} is not null and ${webhookEvents.error} is not null)`.mapWith(Number),
    })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.connectionId, connectionId), gt(webhookEvents.receivedAt, since)));
  return { lastReceivedAt: last?.at ?? null, receivedToday: counts?.received ?? 0, pending: counts?.pending ?? 0, failed: counts?.failed ?? 0 };
}
