"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useTaskProgress } from "@/components/tasks/use-task-progress";

/** The report is drawn on the server: it is drawn again each time the task moves on, and once when it stops. */
export function RefreshWhenDone({ taskId, drawn }: { taskId: string; drawn: { state: string; processed: number } }) {
  const router = useRouter();
  const { task } = useTaskProgress(taskId);
  const seen = useRef(markOf(drawn));
  const mark = task ? markOf(task) : "";
  useEffect(() => {
    if (!mark) return;
    if (seen.current !== mark) router.refresh();
    seen.current = mark;
  }, [mark, router]);
  return null;
}

function markOf(task: { state: string; processed: number }): string {
  return `${task.state}:${Math.floor(task.processed / 500)}`;
}
