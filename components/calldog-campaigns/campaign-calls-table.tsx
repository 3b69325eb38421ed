"use client";

import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { AudioPlayer } from "@/components/audio/audio-player";
import { WideTable } from "@/components/calls/wide-table";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { CampaignCallView } from "@/lib/actions/calldog-campaign-results";
import { DATE_TIME_SECONDS, TIME_SECONDS } from "@/lib/i18n/date-formats";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/time-zones";

const STATUS_TONE: Record<string, "green" | "amber" | "red" | "gray"> = {
  answered: "green",
  ringing: "amber",
  in_progress: "amber",
  busy: "red",
  no_answer: "red",
  failed: "red",
};

const th = "px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const td = "px-2 py-2 align-middle text-slate-800";

/** One page of a campaign's calls; a recording's player opens under its row, one at a time. */
export function CampaignCallsTable({ rows }: { rows: CampaignCallView[] }) {
  const t = useTranslations("calldogResults");
  const format = useFormatter();
  // Times on the user's own clock, named (as written, not in the head's capitals): the campaign's page also shows its
  // planned start on the campaign's.
  const zone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const [open, setOpen] = useState<string | null>(null);
  const when = (iso: string) => format.dateTime(new Date(iso), DATE_TIME_SECONDS);
  const time = (iso: string) => format.dateTime(new Date(iso), TIME_SECONDS);

  return (
    <WideTable label={t("calls")} hint={t("scrollHint")}>
      <thead>
        <tr>
          <th scope="col" className={cn(th, "sticky left-0 bg-white")}>
            {t("phone")}
          </th>
          <th scope="col" className={th}>
            {t("status")}
          </th>
          <th scope="col" className={th}>
            {t("ivrAnswer")}
          </th>
          <th scope="col" className={cn(th, "text-right")}>
            {t("duration")}
          </th>
          <th scope="col" className={th}>
            {t.rich("times", { name: zone, zone: (chunks) => <span className="normal-case">{chunks}</span> })}
          </th>
          <th scope="col" className={th}>
            {t("recording")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((c) => (
          <Fragment key={c.id}>
            <tr data-testid="call-row" data-status={c.status} data-final={c.final}>
              <td className={cn(td, "sticky left-0 whitespace-nowrap bg-white font-mono text-xs")}>{c.phoneDisplay}</td>
              <td className={td}>
                <Badge tone={STATUS_TONE[c.status] ?? "gray"}>{t(`statuses.${c.status}`)}</Badge>
              </td>
              <td className={cn(td, "text-xs")} data-testid="call-ivr">
                {c.ivrAnswer ?? "—"}
                {c.ivrActions.length > 0 && <span className="block text-slate-500">{c.ivrActions.join(", ")}</span>}
              </td>
              <td className={cn(td, "whitespace-nowrap text-right tabular-nums")}>
                {c.durationSeconds === null ? "—" : t("seconds", { seconds: format.number(c.durationSeconds) })}
              </td>
              <td className={cn(td, "whitespace-nowrap text-xs tabular-nums")} data-testid="call-times">
                {c.dialedAt ? <time dateTime={c.dialedAt}>{when(c.dialedAt)}</time> : "—"}
                {c.answeredAt && (
                  <span className="block text-slate-500">
                    {t("answeredAt")} <time dateTime={c.answeredAt}>{time(c.answeredAt)}</time>
                  </span>
                )}
                {c.endedAt && (
                  <span className="block text-slate-500">
                    {t("endedAt")} <time dateTime={c.endedAt}>{time(c.endedAt)}</time>
                  </span>
                )}
              </td>
              <td className={cn(td, "whitespace-nowrap text-xs")}>
                {c.hasRecording ? (
                  <button
                    type="button"
                    aria-expanded={open === c.id}
                    aria-controls={`recording-${c.id}`}
                    onClick={() => setOpen(open === c.id ? null : c.id)}
                    className="rounded border border-slate-300 px-2 py-0.5 text-indigo-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
                  >
                    {open === c.id ? t("hideRecording") : t("listen")}
                    <span className="sr-only"> · {t("recordingOf", { phone: c.phoneDisplay })}</span>
                  </button>
                ) : (
                  <span className="text-slate-500">{t("noRecording")}</span>
                )}
              </td>
            </tr>
            {c.hasRecording && open === c.id && (
              <tr id={`recording-${c.id}`} className="bg-slate-50">
                <td colSpan={6} className="px-2 py-2">
                  <AudioPlayer
                    src={`/api/recordings/calldog/${c.id}`}
                    label={t("recordingOf", { phone: c.phoneDisplay })}
                    downloadName={`call-${c.id}.mp3`}
                    className="max-w-xl"
                  />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </WideTable>
  );
}
