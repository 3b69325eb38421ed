"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/db/queries/audit";
import { batchCallingWindow, closedUntil } from "@/lib/campaigns/batch-window";
import { findConnection } from "@/lib/db/queries/connections";
import { findActiveTask, listTasksFor } from "@/lib/db/queries/tasks";
import type { Connection } from "@/lib/db/schema";
import { toApprovalView } from "@/lib/dialing/approval-view";
import { latestApprovalFor } from "@/lib/db/queries/launch-approvals";
import { readDialingPolicy } from "@/lib/db/queries/org-settings";
import { assertTypedCount, needsApproval, requestApproval } from "@/lib/dialing/volume-guard";
import { SafeError } from "@/lib/errors";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import type { CalldronBatch } from "@/lib/providers/calldron/wire";
import { clientFor } from "@/lib/providers/connection-clients";
import { resultForError } from "@/lib/providers/connection-test";
import { ProviderError } from "@/lib/providers/provider-error";
import { previewListForLaunch } from "@/lib/tasks/calldron-list-preview";
import { RUN_LIST_KIND } from "@/lib/tasks/calldron-run-list";
import { startRunList } from "@/lib/tasks/start-run-list";
import { type TaskView, toTaskView } from "@/lib/tasks/view";

/** Why the provider could not be read, in a word the panel translates. */
export type RunListProblem = ReturnType<typeof resultForError> | "gone";
type Read<T> = { ok: true; data: T } | { ok: false; problem: RunListProblem };

const MAX_LISTS = 2_000;
const idSchema = z.string().trim().min(1).max(40);
const targetSchema = z.object({ connectionId: z.uuid(), listId: idSchema, batchId: idSchema });

/** The batches and lists of one Calldron connection, for picking what the panel was not given. */
export const getRunListChoices = action({ role: "any", schema: z.object({ connectionId: z.uuid() }) }, async ({ connectionId }) => {
  const { connection, client } = await calldron(connectionId);
  const read = await reading(async () => {
    const batches = (await client.listBatches()).map((b) => ({ id: b.id, name: b.name, status: b.status }));
    const lists: { id: string; name: string }[] = [];
    for await (const list of client.iterateLists()) {
      lists.push({ id: list.id, name: list.name });
      if (lists.length >= MAX_LISTS) break;
    }
    return { batches, lists };
  });
  return { connectionName: connection.name, read };
});

/**
 * What the confirmation names: the list, the batch with its calling window (and, when it is closed now, when it
 * opens: Calldron holds the calls until then), the connection, how many subscribers, how many numbers would be
 * dialed and how many held back (do-not-call, invalid, repeated); a run of them already going; whether this
 * start needs an admin's approval, and the last request.
 */
export const previewRunList = action({ role: "any", schema: targetSchema }, async ({ connectionId, listId, batchId }, user) => {
  const { connection, client } = await calldron(connectionId);
  const active = await findActiveTask({ kind: RUN_LIST_KIND, match: { connectionId, listId, batchId } });
  const read = await reading(async () => {
    const { listName, batchName, batch } = await names(client, listId, batchId);
    const { subscribers, toDial, heldBack } = await previewListForLaunch(client, listId);
    const window = batchCallingWindow(batch);
    return {
      listName,
      batchName,
      subscribers,
      toDial,
      heldBack,
      window,
      opensAt: window ? (closedUntil(window, new Date())?.toISOString() ?? null) : null,
      needsApproval: await needsApproval({ user, count: toDial }),
      approvalAbove: user.role === "admin" ? null : (await readDialingPolicy()).managerLaunchLimit,
    };
  });
  const approval = await latestApprovalFor({ kind: RUN_LIST_KIND, target: runTarget({ connectionId, listId, batchId }) });
  return {
    connectionName: connection.name,
    read,
    activeTaskId: active && mayWatch(active.ownerId, user) ? active.id : null,
    activeElsewhere: Boolean(active && !mayWatch(active.ownerId, user)),
    approval: approval && (approval.requestedBy === user.id || user.role === "admin") ? toApprovalView(approval) : null,
  };
});

/**
 * Starts the run (or returns the one already going for this list and batch) and answers at once: the task reads
 * the list itself. The numbers to dial are counted again here: the count the user confirmed must be it, and over
 * 1,000 it must have been typed. A manager's run above the organisation's limit becomes a request for an admin's
 * approval instead (approving it starts the run).
 */
export const startRunListAction = action(
  {
    role: "any",
    schema: targetSchema.extend({
      /** The numbers to dial the confirmation showed. */
      confirmedCount: z.coerce.number().int().min(0).max(10_000_000),
      typedCount: z.coerce.number().int().min(0).max(10_000_000).optional(),
    }),
  },
  async ({ connectionId, listId, batchId, confirmedCount, typedCount }, user) => {
    const { client } = await calldron(connectionId);
    const read = await reading(async () => ({ ...(await names(client, listId, batchId)), ...(await previewListForLaunch(client, listId)) }));
    if (!read.ok) return { ok: false as const, problem: read.problem };
    const { listName, batchName, subscribers, toDial, heldBack } = read.data;
    if (toDial !== confirmedCount) throw new SafeError("runList.errors.countChanged", { n: toDial });
    assertTypedCount(toDial, typedCount);
    const input = { connectionId, listId, batchId, listName, batchName };
    const active = await findActiveTask({ kind: RUN_LIST_KIND, match: { connectionId, listId, batchId } });
    if (!active && (await needsApproval({ user, count: toDial }))) {
      const approval = await requestApproval({ user, kind: RUN_LIST_KIND, target: runTarget(input), title: `${listName} → ${batchName}`, connectionId, count: toDial, input });
      return { ok: true as const, taskId: null, created: false, approval: toApprovalView(approval) };
    }
    const { task, created } = await startRunList({ ownerId: user.id, input });
    if (!mayWatch(task.ownerId, user)) throw new SafeError("runListActiveElsewhere");
    if (created) {
      await recordAudit({
        actor: user,
        action: "calldron.runList.started",
        target: task.id,
        details: { connectionId, listId, listName, batchId, batchName, subscribers, heldBack, count: toDial },
      });
    }
    return { ok: true as const, taskId: task.id as string | null, created, approval: null };
  },
);

/** The user's runs through a batch (or of a list), newest first, so the panel shows a run again after a reload. */
export const listRunListTasks = action(
  { role: "any", schema: z.object({ connectionId: z.uuid(), batchId: idSchema.optional(), listId: idSchema.optional() }) },
  async ({ connectionId, batchId, listId }, user): Promise<(TaskView & { listName: string; batchName: string })[]> => {
    const match: Record<string, string> = { connectionId };
    if (batchId) match.batchId = batchId;
    if (listId) match.listId = listId;
    const tasks = await listTasksFor({ kind: RUN_LIST_KIND, match, limit: 20 });
    return tasks
      .filter((t) => mayWatch(t.ownerId, user))
      .slice(0, 5)
      .map((t) => ({ ...toTaskView(t), listName: String(t.input.listName ?? ""), batchName: String(t.input.batchName ?? "") }));
  },
);

async function calldron(connectionId: string): Promise<{ connection: Connection; client: CalldronClient }> {
  const connection = await findConnection({ id: connectionId });
  if (connection?.provider !== "calldron") throw new SafeError("connectionNotFound");
  return { connection, client: clientFor(connection as Connection & { provider: "calldron" }) };
}

async function names(client: CalldronClient, listId: string, batchId: string): Promise<{ listName: string; batchName: string; batch: CalldronBatch }> {
  const [list, batches] = await Promise.all([client.showList(listId), client.listBatches()]);
  const batch = batches.find((b) => b.id === batchId);
  if (!batch) throw new ProviderError({ kind: "not_found", provider: "calldron", method: "GET", path: "batches" });
  return { listName: list.name, batchName: batch.name, batch };
}

/** One pending approval per list and batch. */
function runTarget({ connectionId, listId, batchId }: { connectionId: string; listId: string; batchId: string }): string {
  return `${connectionId}:${listId}:${batchId}`;
}

async function reading<T>(read: () => Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, data: await read() };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { ok: false, problem: error.kind === "not_found" ? "gone" : resultForError(error) };
  }
}

function mayWatch(ownerId: string | null, user: SessionUser): boolean {
  return ownerId === user.id || user.role === "admin";
}
