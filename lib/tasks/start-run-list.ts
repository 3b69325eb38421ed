import "server-only";
import { insertTaskUnlessActive } from "@/lib/db/queries/tasks";
import type { Task } from "@/lib/db/schema";
import { RUN_LIST_KIND, type RunListInput } from "@/lib/tasks/calldron-run-list";
import { enqueueTask } from "@/lib/tasks/queue";

/**
 * Starts a run of a list through a batch, or returns the run of that list through that batch that is still
 * going (a double click, a second tab, another user): one active run per list and batch. Answers at once; the
 * task reads the list in its first phase.
 */
export async function startRunList({ ownerId, input }: { ownerId: string; input: RunListInput }): Promise<{ task: Task; created: boolean }> {
  const { connectionId, listId, batchId } = input;
  const started = await insertTaskUnlessActive({
    kind: RUN_LIST_KIND,
    ownerId,
    connectionId,
    title: `${input.listName} → ${input.batchName}`,
    input: { ...input, collect: { cursor: null, done: false } },
    items: [],
    match: { connectionId, listId, batchId },
  });
  if (started.created) await enqueueTask(started.task.id);
  return started;
}
