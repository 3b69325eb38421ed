"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/current-user";
import { recordAudit } from "@/lib/db/queries/audit";
import { changeTaskState, findTask, listTaskItems, listTasks } from "@/lib/db/queries/tasks";
import type { Task } from "@/lib/db/schema";
import { SafeError } from "@/lib/errors";
import { formatPhone } from "@/lib/phone-format";
import { enqueueTask } from "@/lib/tasks/queue";
import { type TaskView, toTaskView } from "@/lib/tasks/view";

const idSchema = z.object({ id: z.uuid() });

/** One task's progress, for the progress bar's polling. Owners see theirs; admins see every task. */
export const getTaskProgress = action({ role: "any", schema: idSchema }, async ({ id }, user): Promise<TaskView> => {
  return toTaskView(await ownTask(id, user));
});

export const listMyTasks = action({ role: "any", schema: z.object({ before: z.coerce.date().optional() }) }, async ({ before }, user) => {
  return (await listTasks({ ownerId: user.id, before, limit: 50 })).map(toTaskView);
});

/** A task's items and their outcomes, for its report; `outcome` filters (e.g. only the failed ones). */
export const getTaskItems = action(
  { role: "any", schema: z.object({ id: z.uuid(), outcome: z.string().max(40).optional(), afterSeq: z.coerce.number().int().min(-1).default(-1) }) },
  async ({ id, outcome, afterSeq }, user) => {
    await ownTask(id, user);
    const items = await listTaskItems({ taskId: id, outcome, afterSeq, limit: 200 });
    // Numbers are formatted here, so that the page does not ship the phone-number library for it.
    return items.map((i) => ({ seq: i.seq, key: i.key, display: formatPhone(i.key), state: i.state, outcome: i.outcome, detail: i.detail }));
  },
);

export const pauseTask = action({ role: "any", schema: idSchema }, async ({ id }, user) => change(id, "paused", user));
export const resumeTask = action({ role: "any", schema: idSchema }, async ({ id }, user) => change(id, "queued", user));
export const cancelTask = action({ role: "any", schema: idSchema }, async ({ id }, user) => change(id, "canceled", user));

async function change(id: string, to: "paused" | "queued" | "canceled", user: SessionUser): Promise<TaskView> {
  const task = await ownTask(id, user);
  const changed = await changeTaskState({ id: task.id, to });
  if (!changed) throw new SafeError("taskStateChanged");
  if (to === "queued") await enqueueTask(changed.id);
  await recordAudit({ actor: user, action: `task.${to === "queued" ? "resumed" : to}`, target: task.id, details: { kind: task.kind, title: task.title } });
  return toTaskView(changed);
}

async function ownTask(id: string, user: SessionUser): Promise<Task> {
  const task = await findTask({ id });
  if (!task || (task.ownerId !== user.id && user.role !== "admin")) throw new SafeError("taskNotFound");
  return task;
}
