import { useFormatter, useTranslations } from "next-intl";
import { outageText } from "@/components/tasks/outage-text";
import { Notice } from "@/components/ui/notice";
import type { TaskOutage } from "@/lib/db/schema";
import { TIME_SECONDS } from "@/lib/i18n/date-formats";

/** The database outages a task waited out, in words; nothing when there were none. For server and client pages alike. */
export function OutageNote({ outages, compact = false }: { outages: TaskOutage[]; compact?: boolean }) {
  const t = useTranslations("tasks");
  const format = useFormatter();
  const lines = outageText(outages, t, (date) => format.dateTime(date, TIME_SECONDS));
  if (lines.length === 0) return null;
  if (compact)
    return (
      <div className="mt-1 max-w-56 text-xs text-amber-800" data-testid="task-outage">
        {lines.join(" ")}
      </div>
    );
  return (
    <Notice tone="info" className="w-full">
      <span data-testid="task-outage">{lines.join(" ")}</span>
    </Notice>
  );
}
