"use client";

import { useTimeZone, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { AudioPlayer } from "@/components/audio/audio-player";
import { CallDetailDialog } from "@/components/calls/call-detail-dialog";
import { WideTable } from "@/components/calls/wide-table";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/time-zones";

/** One call as the page shows it: every text already formatted on the server. */
export type AllCallsRow = {
  id: string;
  phone: string;
  phoneDisplay: string;
  provider: string;
  connection: string;
  campaign: string | null;
  status: string;
  statusLabel: string;
  final: boolean;
  duration: string | null;
  atIso: string;
  /** The call's moment as the date and the time with seconds (together lib/i18n/date-formats.ts's DATE_TIME_SECONDS). */
  atDate: string;
  atTime: string;
  ivr: string | null;
  ivrAction: string | null;
  rawStatus: string | null;
  providerCallId: string | null;
  dialedAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  recordingSrc: string | null;
};

const STATUS_TONE: Record<string, "green" | "amber" | "red" | "gray"> = {
  answered: "green",
  in_progress: "amber",
  ringing: "amber",
  busy: "red",
  no_answer: "red",
  failed: "red",
};

const th = "px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const td = "px-2 py-2 align-middle text-slate-800";
const smallButton = "rounded border border-slate-300 px-2 py-0.5 text-indigo-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600";

/** A page of calls of any provider; a recording's player opens under its row, the details in a dialog. */
export function AllCallsTable({ rows }: { rows: AllCallsRow[] }) {
  const t = useTranslations("callsView");
  const zone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const [playing, setPlaying] = useState<string | null>(null);
  const [details, setDetails] = useState<AllCallsRow | null>(null);
  return (
    <>
      <WideTable label={t("title")} hint={t("scrollHint")}>
        <thead>
          <tr>
            <th scope="col" className={cn(th, "sticky left-0 bg-white")}>
              {t("columns.phone")}
            </th>
            <th scope="col" className={th}>
              {t("columns.provider")}
            </th>
            <th scope="col" className={th}>
              {t("columns.status")}
            </th>
            <th scope="col" className={cn(th, "text-right")}>
              {t("columns.duration")}
            </th>
            <th scope="col" className={th}>
              {t.rich("columns.at", { name: zone, zone: (chunks) => <span className="normal-case">{chunks}</span> })}
            </th>
            <th scope="col" className={th}>
              {t("columns.ivr")}
            </th>
            <th scope="col" className={th}>
              {t("columns.recording")}
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">{t("columns.details")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((c) => (
            <Fragment key={c.id}>
              <tr data-testid="call-row" data-status={c.status} data-final={c.final} data-id={c.id}>
                <td className={cn(td, "sticky left-0 whitespace-nowrap bg-white font-mono text-xs")} data-testid="call-phone">
                  {c.phoneDisplay}
                </td>
                <td className={cn(td, "max-w-44 text-xs")}>
                  <span className="font-medium">{c.provider}</span>
                  <span className="block truncate text-slate-500" title={c.campaign ?? undefined}>
                    {c.campaign ?? t("noCampaign")}
                  </span>
                </td>
                <td className={td}>
                  <Badge tone={STATUS_TONE[c.status] ?? "gray"}>{c.statusLabel}</Badge>
                  {!c.final && <span className="block text-xs text-slate-500">{t("notFinal")}</span>}
                </td>
                <td className={cn(td, "whitespace-nowrap text-right tabular-nums")}>{c.duration ?? "—"}</td>
                <td className={cn(td, "text-xs tabular-nums")} data-testid="call-at">
                  {/* The time goes under the date where the column is narrow (the Russian date is long at 1280 px). */}
                  <time dateTime={c.atIso}>
                    <span className="whitespace-nowrap">{c.atDate},</span> <span className="whitespace-nowrap">{c.atTime}</span>
                  </time>
                </td>
                <td className={cn(td, "text-xs")}>{c.ivr ?? "—"}</td>
                <td className={cn(td, "whitespace-nowrap text-xs")}>
                  {c.recordingSrc ? (
                    <button type="button" aria-expanded={playing === c.id} aria-controls={`recording-${c.id}`} onClick={() => setPlaying(playing === c.id ? null : c.id)} className={smallButton}>
                      {playing === c.id ? t("hide") : t("listen")}
                      <span className="sr-only"> · {t("recordingOf", { phone: c.phoneDisplay })}</span>
                    </button>
                  ) : (
                    <span className="text-slate-500">{t("noRecording")}</span>
                  )}
                </td>
                <td className={cn(td, "text-xs")}>
                  <button type="button" onClick={() => setDetails(c)} className={smallButton}>
                    {t("openDetails")}
                    <span className="sr-only"> · {t("detailsOf", { phone: c.phoneDisplay })}</span>
                  </button>
                </td>
              </tr>
              {c.recordingSrc && playing === c.id && (
                <tr id={`recording-${c.id}`} className="bg-slate-50">
                  <td colSpan={8} className="px-2 py-2">
                    <AudioPlayer src={c.recordingSrc} label={t("recordingOf", { phone: c.phoneDisplay })} downloadName={`call-${c.phone.replace(/\D/g, "")}-${c.id.slice(0, 8)}.mp3`} className="max-w-xl" />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </WideTable>
      <CallDetailDialog call={details} onClose={() => setDetails(null)} />
    </>
  );
}
