import type { TaskOutage } from "@/lib/db/schema";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A task's database outages in words (`tasks` messages): the last one ("Paused 14 s: the database was unavailable at
 * 10:42:10; resumed by itself.") and, after several, how many (of those kept on the task).
 */
export function outageText(outages: TaskOutage[], t: Translate, time: (date: Date) => string): string[] {
  const last = outages.at(-1);
  if (!last) return [];
  const seconds = Math.max(1, Math.round(last.ms / 1000));
  const duration = seconds < 60 ? t("seconds", { n: seconds }) : t("minutes", { n: Math.round(seconds / 60) });
  const lines = [t("outagePaused", { duration, time: time(new Date(last.at)) })];
  if (outages.length > 1) lines.push(t("outageCount", { n: outages.length }));
  return lines;
}
