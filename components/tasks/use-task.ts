"use client";

import { useQuery } from "@tanstack/react-query";
import { getTaskProgress } from "@/lib/actions/tasks";
import { isTaskActive, type TaskView } from "@/lib/tasks/view";

/** One task's view, polled every second while it is queued or running and left alone once it stops. */
export function useTask(taskId: string) {
  return useQuery({
    queryKey: ["task", taskId],
    queryFn: async (): Promise<TaskView> => {
      const result = await getTaskProgress({ id: taskId });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    refetchInterval: (query) => (query.state.data && !isTaskActive(query.state.data.state) ? false : 1_000),
    staleTime: 0,
  });
}
