import type { Task, TaskOutage, TaskState } from "@/lib/db/schema";

/** What the browser sees of a task: no input (it may hold numbers the user did not send), dates as ISO strings. */
export type TaskView = {
  id: string;
  kind: string;
  title: string;
  state: TaskState;
  total: number;
  processed: number;
  counts: Record<string, number>;
  error: string | null;
  /** Database outages the run waited out, oldest first. */
  outages: TaskOutage[];
  /** Still finding its items in the background (e.g. reading a provider's list): `total` is still growing. */
  collecting: boolean;
  createdAt: string;
  startedAt: string | null;
  updatedAt: string;
  finishedAt: string | null;
};

export function toTaskView(task: Task): TaskView {
  return {
    id: task.id,
    kind: task.kind,
    title: task.title,
    state: task.state,
    total: task.total,
    processed: task.processed,
    counts: task.counts,
    error: task.error,
    outages: task.outages,
    collecting: isRecord(task.input.collect) && task.input.collect.done !== true,
    createdAt: task.createdAt.toISOString(),
    startedAt: task.startedAt?.toISOString() ?? null,
    updatedAt: task.updatedAt.toISOString(),
    finishedAt: task.finishedAt?.toISOString() ?? null,
  };
}

export function isTaskActive(state: TaskState): boolean {
  return state === "queued" || state === "running";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
