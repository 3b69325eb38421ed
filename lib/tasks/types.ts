import type { NewTaskItem } from "@/lib/db/queries/tasks";
import type { Task, TaskItem } from "@/lib/db/schema";

/** What one item came to; the task counts items per outcome (e.g. added, duplicate, dnc, failed). */
export type ItemResult = { outcome: string; detail?: string };

/**
 * One kind of background task. The runner owns claiming, order, pause/cancel, heartbeats, retries and
 * counting; a handler only says how to do one item.
 */
export type TaskHandler<Context = unknown> = {
  kind: string;
  /** Items worked on at once (respect the provider's concurrency); a function when it depends on the target. */
  concurrency?: number | ((context: Context) => number);
  /** Once per run (after every start or resume): e.g. the provider client and what is already there. */
  prepare(task: Task): Promise<Context>;
  /**
   * Does one item. `uncertain` is true when an earlier attempt may have reached the provider (a timeout, a
   * 5xx, a crash): the handler must find out whether it took effect before doing it again.
   * Throwing a ProviderError lets the runner decide: 429 waits and retries, unavailable backs off and retries
   * (uncertain next time), auth stops the task, validation/not_found fail the item.
   */
  process(item: TaskItem, context: Context, uncertain: boolean): Promise<ItemResult>;
  /**
   * Once per batch of items the runner takes, right before the lanes start on them: e.g. the do-not-call screen
   * for the whole batch in one query (`BatchScreen`) instead of one per item. Items in flight before this run
   * (uncertain) are among them; the handler decides what the batch's answer means for those.
   */
  screen?(items: TaskItem[], context: Context): Promise<void>;
  /**
   * For a provider that takes many items in one request (Calldog creates up to 1000 calls at once): when set, the
   * runner hands over up to `batchSize` items at a time instead of calling `process`, all marked in flight first,
   * and the answer is each item's result by item id (an item left out fails). Errors work as for `process`, for
   * the whole batch; `uncertain` is true when an earlier attempt at any of them may have reached the provider.
   */
  processBatch?(items: TaskItem[], context: Context, uncertain: boolean): Promise<Map<string, ItemResult>>;
  batchSize?: number;
  /**
   * For a task whose items are found in the background (listing them from a provider is long): called by the
   * runner, page after page, before any item is done, until `next` is null. Each page's items, its counts and
   * the cursor are saved together, so a crash or restart resumes from the last saved page and counts nothing
   * twice; an item whose key is already in the task is counted as `duplicate`. Reads only: provider errors are
   * retried like the items' (429 waits, unavailable backs off, auth stops the task).
   */
  collect?(task: Task, context: Context, cursor: string | null): Promise<CollectedPage>;
  /** After the last item, e.g. to summarise; optional. */
  finish?(task: Task, context: Context): Promise<void>;
};

export type CollectedPage = { items: NewTaskItem[]; counts?: Record<string, number>; next: string | null };

/**
 * Thrown by a handler to stop the whole task as failed, with a message key saying why (e.g. the batch was
 * deleted): the item is put back as not done, since the handler throws it only when nothing was sent.
 */
export class TaskStop extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "TaskStop";
  }
}
