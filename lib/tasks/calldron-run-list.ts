import "server-only";
import { z } from "zod";
import { findConnection } from "@/lib/db/queries/connections";
import type { NewTaskItem } from "@/lib/db/queries/tasks";
import type { Connection } from "@/lib/db/schema";
import { mayDial } from "@/lib/dialing/screen";
import type { CalldronClient } from "@/lib/providers/calldron/client";
import { clientFor } from "@/lib/providers/connection-clients";
import { toE164 } from "@/lib/providers/phone";
import { ProviderError } from "@/lib/providers/provider-error";
import { BatchCallsCache } from "@/lib/tasks/batch-calls-cache";
import { type TaskHandler, TaskStop } from "@/lib/tasks/types";

export const RUN_LIST_KIND = "calldron.runList";

/**
 * What an item can come to: `called`; `dnc` held back by the do-not-call list; `alreadyInBatch` the batch had
 * called the number before (before this run, or by another path during it); `reconciled` this run's own create
 * whose answer was lost turned out to have reached Calldron; `failed` with the provider's reason.
 * Counted besides the items: `invalid` (a subscriber that is not a valid number), `duplicate` (listed twice).
 */
export const RUN_LIST_OUTCOMES = ["called", "dnc", "alreadyInBatch", "reconciled", "failed"] as const;

export const runListInputSchema = z.object({
  connectionId: z.uuid(),
  listId: z.string().min(1),
  batchId: z.string().min(1),
  listName: z.string(),
  batchName: z.string(),
});
export type RunListInput = z.infer<typeof runListInputSchema>;

const SUBSCRIBERS_PER_PAGE = 100;

type Context = { client: CalldronClient; input: RunListInput; calls: BatchCallsCache };
type ClientForConnection = (connection: Connection & { provider: "calldron" }) => CalldronClient;

/**
 * `calldron.runList`: one call per subscriber of a list through a batch, never two to one number. The list is
 * read in the task's first phase (page by page, resumable), the batch's calls once per start and again after a
 * lost answer; a number the batch has already called is not called again.
 */
export function createRunListHandler({ clientForConnection = taskClient as ClientForConnection } = {}): TaskHandler<Context> {
  return {
    kind: RUN_LIST_KIND,
    concurrency: 2,

    async prepare(task) {
      const input = runListInputSchema.parse(task.input);
      const connection = task.connectionId ? await findConnection({ id: task.connectionId }) : undefined;
      if (connection?.provider !== "calldron") throw new TaskStop("connectionNotFound");
      const client = clientForConnection(connection as Connection & { provider: "calldron" });
      const calls = new BatchCallsCache(() => batchPhones(client, input.batchId));
      await calls.refresh();
      return { client, input, calls };
    },

    async collect(_task, { client, input, calls }, cursor) {
      const pageNo = cursor ? Number(cursor) : 1;
      const page = await client.subscribersPage(input.listId, pageNo, SUBSCRIBERS_PER_PAGE).catch(gone("runListListGone"));
      const items: NewTaskItem[] = [];
      let invalid = 0;
      for (const subscriber of page.items) {
        const phone = toE164(subscriber.phone);
        if (!phone) invalid += 1;
        // Collection ends before the first call, so what the batch holds now was called before this run.
        else items.push({ key: phone, payload: calls.has(phone) ? { calledBefore: true } : undefined });
      }
      if (page.nextPage !== null && page.nextPage <= pageNo) throw new TaskStop("runListBadPaging");
      return { items, counts: { invalid }, next: page.nextPage === null ? null : String(page.nextPage) };
    },

    async process(item, { client, input, calls }, uncertain) {
      const phone = item.key;
      if (item.payload?.calledBefore === true) return { outcome: "alreadyInBatch" };
      if (uncertain) {
        if (await calls.hasAfterLosses(phone)) return { outcome: "reconciled" };
      } else if (calls.has(phone)) return { outcome: "alreadyInBatch" };
      const screen = await mayDial({ phone });
      if (!screen.ok) return { outcome: screen.reason };
      try {
        await client.createCall(input.batchId, phone);
      } catch (error) {
        if (error instanceof ProviderError && (error.kind === "unavailable" || error.kind === "bad_response")) calls.answerLost();
        if (error instanceof ProviderError && error.kind === "not_found" && !(await batchExists(client, input.batchId))) {
          throw new TaskStop("runListBatchGone");
        }
        throw error;
      }
      calls.add(phone);
      return { outcome: "called" };
    },
  };
}

export const calldronRunListHandler = createRunListHandler();

async function batchPhones(client: CalldronClient, batchId: string): Promise<string[]> {
  const phones: string[] = [];
  try {
    for await (const call of client.iterateCalls(batchId)) {
      const phone = toE164(call.phone);
      if (phone) phones.push(phone);
    }
  } catch (error) {
    gone("runListBatchGone")(error);
  }
  return phones;
}

async function batchExists(client: CalldronClient, batchId: string): Promise<boolean> {
  return (await client.listBatches()).some((b) => b.id === batchId);
}

/** A 404 while reading the list or the batch means it was deleted: the task stops saying which. */
function gone(reason: string) {
  return (error: unknown): never => {
    if (error instanceof ProviderError && error.kind === "not_found") throw new TaskStop(reason);
    throw error;
  };
}

/** Background work waits longer for the provider than a page does. */
function taskClient(connection: Connection & { provider: "calldron" }): CalldronClient {
  return clientFor(connection, { budget: "task" });
}
