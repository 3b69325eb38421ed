"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { getTaskProgress } from "@/lib/actions/tasks";
import { isTaskActive, type TaskView } from "@/lib/tasks/view";

const POLL_MS = 1_000;
/** The rate is measured over the last this-many seconds of polling, so a pause or a slow spell passes. */
const RATE_WINDOW_MS = 15_000;

export type TaskProgressQuery = {
  task: TaskView | undefined;
  error: string | undefined;
  /** The last poll failed because the database is unavailable (the task itself waits for it). */
  databaseDown: boolean;
  loading: boolean;
  /** Items per second lately; undefined until two polls apart have seen progress. */
  ratePerSecond: number | undefined;
  refetch: () => void;
};

/** One task's progress from the database, polled about every second while it is queued or running. */
export function useTaskProgress(taskId: string): TaskProgressQuery {
  const samples = useRef<{ at: number; processed: number }[]>([]);
  const query = useQuery({
    queryKey: ["task", taskId],
    queryFn: async () => {
      const result = await getTaskProgress({ id: taskId });
      if (!result.ok) throw Object.assign(new Error(result.error), { key: result.keys?.error.key });
      return result.data;
    },
    refetchInterval: (q) => (q.state.data && !isTaskActive(q.state.data.state) ? false : POLL_MS),
    staleTime: 0,
    retry: 2,
  });
  const task = query.data;
  const [ratePerSecond, setRate] = useState<number | undefined>();
  useEffect(() => {
    if (!task) return;
    const list = samples.current;
    const now = Date.now();
    if (!isTaskActive(task.state)) list.length = 0;
    else if (list.length === 0 || list.at(-1)?.processed !== task.processed) list.push({ at: now, processed: task.processed });
    while (list.length > 2 && now - (list[0]?.at ?? now) > RATE_WINDOW_MS) list.shift();
    const first = list[0];
    const last = list.at(-1);
    setRate(first && last && last.at > first.at ? ((last.processed - first.processed) * 1000) / (last.at - first.at) : undefined);
  }, [task]);
  return {
    task,
    error: query.error ? query.error.message : undefined,
    databaseDown: (query.error as { key?: string } | null)?.key === "databaseUnavailable",
    loading: query.isPending,
    ratePerSecond,
    refetch: () => void query.refetch(),
  };
}
