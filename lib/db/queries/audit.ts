import "server-only";
import { desc, lt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type AuditEntry, auditLog } from "@/lib/db/schema";

export type AuditInput = {
  actor?: { id: string; email: string } | null;
  action: string;
  target?: string;
  ip?: string;
  details?: Record<string, unknown>;
};

export async function recordAudit(entry: AuditInput): Promise<void> {
  await (await db()).insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    target: entry.target ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}

/** Newest first, keyset-paged by time. */
export async function listAudit({ before, limit = 50 }: { before?: Date; limit?: number }): Promise<AuditEntry[]> {
  const database = await db();
  const query = database.select().from(auditLog);
  return (before ? query.where(lt(auditLog.at, before)) : query).orderBy(desc(auditLog.at)).limit(limit);
}
