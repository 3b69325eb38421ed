"use client";

import { useTaskLabels } from "@/components/tasks/task-labels";
import { Badge } from "@/components/ui/badge";
import type { TaskState } from "@/lib/db/schema";

const TONES: Record<TaskState, "gray" | "green" | "red" | "amber" | "indigo"> = {
  queued: "gray",
  running: "indigo",
  paused: "amber",
  canceled: "gray",
  completed: "green",
  failed: "red",
};

export function TaskStateBadge({ state }: { state: TaskState }) {
  const labels = useTaskLabels();
  return <Badge tone={TONES[state] ?? "gray"}>{labels.state(state)}</Badge>;
}
