import "server-only";
import { calldogLaunchHandler } from "@/lib/tasks/calldog-launch";
import { addSubscribersHandler } from "@/lib/tasks/calldron-add-subscribers";
import { calldronRunListHandler } from "@/lib/tasks/calldron-run-list";
import { importHandler } from "@/lib/tasks/import";
import type { TaskHandler } from "@/lib/tasks/types";

/** Every kind of background task, by kind. A new kind is added here. */
export const taskHandlers: Record<string, TaskHandler<unknown>> = Object.fromEntries(
  ([addSubscribersHandler(), calldronRunListHandler, calldogLaunchHandler, importHandler()] as unknown as TaskHandler<unknown>[]).map((h) => [h.kind, h]),
);
