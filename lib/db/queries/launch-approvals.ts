import "server-only";
import { and, count, desc, eq, ne } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { type LaunchApproval, launchApprovals, users } from "@/lib/db/schema";

export type NewLaunchApproval = Pick<LaunchApproval, "kind" | "target" | "title" | "connectionId" | "count" | "input" | "requestedBy">;

/** A pending request for this target, made now or the one already waiting (a double click makes one request). */
export async function insertPendingApproval(input: NewLaunchApproval): Promise<{ approval: LaunchApproval; created: boolean }> {
  const database = await db();
  const [created] = await database.insert(launchApprovals).values(input).onConflictDoNothing().returning();
  if (created) return { approval: created, created: true };
  const [pending] = await database
    .select()
    .from(launchApprovals)
    .where(and(eq(launchApprovals.kind, input.kind), eq(launchApprovals.target, input.target), eq(launchApprovals.state, "pending")));
  if (!pending) throw new Error("launch approval neither inserted nor found");
  return { approval: pending, created: false };
}

/** A pending request asked for again with other numbers (the draft changed meanwhile): it now asks for these. */
export async function refreshPendingApproval({ id, count, input, title }: { id: string; count: number; input: Record<string, unknown>; title: string }): Promise<LaunchApproval | undefined> {
  const [row] = await (await db())
    .update(launchApprovals)
    .set({ count, input, title, createdAt: new Date() })
    .where(and(eq(launchApprovals.id, id), eq(launchApprovals.state, "pending")))
    .returning();
  return row;
}

export async function findApproval({ id }: { id: string }): Promise<LaunchApproval | undefined> {
  const [row] = await (await db()).select().from(launchApprovals).where(eq(launchApprovals.id, id));
  return row;
}

/** The newest request for a target, whatever its state: what the manager's page shows. */
export async function latestApprovalFor({ kind, target }: { kind: string; target: string }): Promise<LaunchApproval | undefined> {
  const [row] = await (await db())
    .select()
    .from(launchApprovals)
    .where(and(eq(launchApprovals.kind, kind), eq(launchApprovals.target, target)))
    .orderBy(desc(launchApprovals.createdAt))
    .limit(1);
  return row;
}

export type ApprovalRow = LaunchApproval & { requesterEmail: string | null; deciderEmail: string | null };

/** Pending requests (oldest first), or decided ones (newest first), with who asked. */
export async function listApprovals({ pending, limit = 50 }: { pending: boolean; limit?: number }): Promise<ApprovalRow[]> {
  const database = await db();
  const rows = await database
    .select({ approval: launchApprovals, requesterEmail: users.email })
    .from(launchApprovals)
    .leftJoin(users, eq(users.id, launchApprovals.requestedBy))
    .where(pending ? eq(launchApprovals.state, "pending") : ne(launchApprovals.state, "pending"))
    .orderBy(pending ? launchApprovals.createdAt : desc(launchApprovals.decidedAt))
    .limit(limit);
  const deciders = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.approval.decidedBy).filter((v): v is string => Boolean(v)))) {
    const [u] = await database.select({ email: users.email }).from(users).where(eq(users.id, id));
    if (u) deciders.set(id, u.email);
  }
  return rows.map((r) => ({ ...r.approval, requesterEmail: r.requesterEmail, deciderEmail: r.approval.decidedBy ? (deciders.get(r.approval.decidedBy) ?? null) : null }));
}

export async function countPendingApprovals(): Promise<number> {
  const [row] = await (await db()).select({ n: count() }).from(launchApprovals).where(eq(launchApprovals.state, "pending"));
  return row?.n ?? 0;
}

/** Decides a pending request; undefined when it was decided already (two admins at once: the first one counts). */
export async function decideApproval({
  id,
  state,
  decidedBy,
  reason,
}: {
  id: string;
  state: "approved" | "rejected";
  decidedBy: string;
  reason?: string;
}): Promise<LaunchApproval | undefined> {
  const [row] = await (await db())
    .update(launchApprovals)
    .set({ state, decidedBy, decidedAt: new Date(), reason: reason ?? null })
    .where(and(eq(launchApprovals.id, id), eq(launchApprovals.state, "pending")))
    .returning();
  return row;
}

export async function setApprovalTask({ id, taskId }: { id: string; taskId: string }): Promise<void> {
  await (await db()).update(launchApprovals).set({ taskId }).where(eq(launchApprovals.id, id));
}
