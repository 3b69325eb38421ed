"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useTaskProgress } from "@/components/tasks/use-task-progress";

/** The report is drawn on the server: it is drawn again each time the task moves on, and once when it stops. */
export function RefreshWhenDone({ taskId }: { taskId: string }) {
  const router = useRouter();
  const { task } = useTaskProgress(taskId);
  const seen = useRef<string>("");
  const mark = task ? `${task.state}:${Math.floor(task.processed / 500)}` : "";
  useEffect(() => {
    if (!mark) return;
    if (seen.current && seen.current !== mark) router.refresh();
    seen.current = mark;
  }, [mark, router]);
  return null;
}
