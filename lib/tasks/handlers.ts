import "server-only";
import { addSubscribersHandler } from "@/lib/tasks/calldron-add-subscribers";
import { importHandler } from "@/lib/tasks/import";
import type { TaskHandler } from "@/lib/tasks/types";

/** Every kind of background task, by kind. A new kind is added here. */
export const taskHandlers: Record<string, TaskHandler<unknown>> = Object.fromEntries(
  ([addSubscribersHandler(), importHandler()] as TaskHandler<never>[]).map((h) => [h.kind, h as TaskHandler<unknown>]),
);
