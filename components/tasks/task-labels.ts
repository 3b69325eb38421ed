"use client";

import { useTranslations } from "next-intl";
import { kindKey } from "@/components/tasks/kind-key";

/** A task's kind, outcomes and stop reasons in words; an unknown key is shown as it is rather than failing. */
export function useTaskLabels() {
  const t = useTranslations("tasks");
  const te = useTranslations("errors");
  return {
    kind: (kind: string) => (t.has(`kinds.${kindKey(kind)}`) ? t(`kinds.${kindKey(kind)}`) : kind),
    outcome: (outcome: string) => (t.has(`outcomes.${outcome}`) ? t(`outcomes.${outcome}`) : outcome),
    state: (state: string) => (t.has(`states.${state}`) ? t(`states.${state}`) : state),
    error: (key: string) => (t.has(`stopReasons.${key}`) ? t(`stopReasons.${key}`) : te.has(key) ? te(key) : te("unexpected")),
  };
}
