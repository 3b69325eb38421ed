import "server-only";
import { calldronRunListHandler } from "@/lib/tasks/calldron-run-list";
import type { TaskHandler } from "@/lib/tasks/types";

/** Every kind of background task, by kind. A new kind is added here. */
export const taskHandlers: Record<string, TaskHandler<unknown>> = Object.fromEntries(
  ([calldronRunListHandler] as TaskHandler<never>[]).map((h) => [h.kind, h as TaskHandler<unknown>]),
);
