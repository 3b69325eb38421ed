import type { Task, TaskItem } from "@/lib/db/schema";

/** What one item came to; the task counts items per outcome (e.g. added, duplicate, dnc, failed). */
export type ItemResult = { outcome: string; detail?: string };

/**
 * One kind of background task. The runner owns claiming, order, pause/cancel, heartbeats, retries and
 * counting; a handler only says how to do one item.
 */
export type TaskHandler<Context = unknown> = {
  kind: string;
  /** Items worked on at once (respect the provider's concurrency). */
  concurrency?: number;
  /** Once per run (after every start or resume): e.g. the provider client and what is already there. */
  prepare(task: Task): Promise<Context>;
  /**
   * Does one item. `uncertain` is true when an earlier attempt may have reached the provider (a timeout, a
   * 5xx, a crash): the handler must find out whether it took effect before doing it again.
   * Throwing a ProviderError lets the runner decide: 429 waits and retries, unavailable backs off and retries
   * (uncertain next time), auth stops the task, validation/not_found fail the item.
   */
  process(item: TaskItem, context: Context, uncertain: boolean): Promise<ItemResult>;
  /** After the last item, e.g. to summarise; optional. */
  finish?(task: Task, context: Context): Promise<void>;
};
