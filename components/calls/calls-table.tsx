"use client";

import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { AudioPlayer } from "@/components/audio/audio-player";
import { WideTable } from "@/components/calls/wide-table";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { CallRow } from "@/lib/calls/batch-calls";
import { DATE, DATE_TIME_SECONDS, TIME_SECONDS } from "@/lib/i18n/date-formats";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/time-zones";

const STATUS_TONE: Record<string, "green" | "amber" | "red" | "gray"> = {
  answered: "green",
  talking: "amber",
  dialing: "amber",
  busy: "red",
  no_answer: "red",
  failed: "red",
};

const th = "px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const td = "px-2 py-2 align-middle text-slate-800";

/** One page of calls. A recording's player opens under its row, so that a page does not load 25 recordings at once. */
export function CallsTable({ rows, connectionId, batchId }: { rows: CallRow[]; connectionId: string; batchId: string }) {
  const t = useTranslations("callsPage");
  const zone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const format = useFormatter();
  const [open, setOpen] = useState<string | null>(null);
  const word = (group: "statuses" | "results", value: string) => (t.has(`${group}.${value}` as never) ? t(`${group}.${value}` as never) : value);
  const when = (iso: string) => format.dateTime(new Date(iso), DATE_TIME_SECONDS);
  const sameDay = (a: string, b: string) => format.dateTime(new Date(a), DATE) === format.dateTime(new Date(b), DATE);

  return (
    <WideTable label={t("title")} hint={t("scrollHint")}>
      <thead>
        <tr>
          <th scope="col" className={cn(th, "sticky left-0 bg-white")}>
            {t("phone")}
          </th>
          <th scope="col" className={th}>
            {t("status")}
          </th>
          <th scope="col" className={th}>
            {t("result")}
          </th>
          <th scope="col" className={cn(th, "text-right")}>
            {t("duration")}
          </th>
          <th scope="col" className={th}>
            {t.rich("times", { name: zone, zone: (chunks) => <span className="normal-case">{chunks}</span> })}
          </th>
          <th scope="col" className={th}>
            {t("final")}
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
                <Badge tone={STATUS_TONE[c.status] ?? "gray"}>{word("statuses", c.status)}</Badge>
              </td>
              <td className={td}>{c.result ? word("results", c.result) : "—"}</td>
              <td className={cn(td, "whitespace-nowrap text-right tabular-nums")}>
                {t("seconds", { seconds: format.number(c.durationSeconds, { maximumFractionDigits: 1 }) })}
              </td>
              <td className={cn(td, "whitespace-nowrap text-xs tabular-nums")} data-testid="call-times">
                {c.dialedAt ? <time dateTime={c.dialedAt}>{when(c.dialedAt)}</time> : "—"}
                {c.endedAt && (
                  <span className="block text-slate-500">
                    –{" "}
                    <time dateTime={c.endedAt}>
                      {c.dialedAt && sameDay(c.dialedAt, c.endedAt) ? format.dateTime(new Date(c.endedAt), TIME_SECONDS) : when(c.endedAt)}
                    </time>
                  </span>
                )}
              </td>
              <td className={cn(td, "text-xs")}>{c.final ? t("yes") : t("no")}</td>
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
                <td colSpan={7} className="px-2 py-2">
                  <AudioPlayer
                    src={`/api/recordings/calldron/${connectionId}/${encodeURIComponent(batchId)}/${encodeURIComponent(c.id)}`}
                    label={t("recordingOf", { phone: c.phoneDisplay })}
                    downloadName={`call-${c.phone.replace(/\D/g, "")}-${c.id}.mp3`}
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
