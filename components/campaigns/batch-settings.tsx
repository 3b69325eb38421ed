import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { formatPhone } from "@/lib/phone-format";
import { findCalldronTimeZone, utcOffsetLabel } from "@/lib/providers/calldron/time-zones";
import type { CalldronBatch } from "@/lib/providers/calldron/wire";

const STATUS_TONE = { fresh: "gray", running: "amber", finished: "green" } as const;

/** A batch's settings in words, as the service reports them. */
export async function BatchSettings({ batch }: { batch: CalldronBatch }) {
  const t = await getTranslations("batchPage");
  const tf = await getTranslations("batchForm");
  const tc = await getTranslations("campaignsPage");
  const locale = await getLocale();
  const word = (group: "types" | "confirmations", value: string | null) =>
    value && tf.has(`${group}.${value}` as never) ? tf(`${group}.${value}` as never) : (value ?? t("notSet"));
  const zone = batch.timeZone ? findCalldronTimeZone(batch.timeZone) : undefined;
  const zoneText = zone ? t("zoneOffset", { zone: locale === "ru" ? zone.ru : zone.rails, offset: utcOffsetLabel(zone.offsetHours) }) : (batch.timeZone ?? "");
  const window =
    batch.timeFrom && batch.timeTo && batch.timeFrom !== batch.timeTo ? `${batch.timeFrom}–${batch.timeTo} · ${zoneText}` : `${tc("anyTime")}${zoneText ? ` · ${zoneText}` : ""}`;

  const rows: [string, ReactNode][] = [
    [t("status"), <Badge key="s" tone={STATUS_TONE[batch.status as keyof typeof STATUS_TONE] ?? "gray"}>{tc.has(`statuses.${batch.status}` as never) ? tc(`statuses.${batch.status}` as never) : batch.status}</Badge>],
    [t("type"), word("types", batch.type)],
    [t("confirmation"), word("confirmations", batch.confirmation)],
    [t("window"), window],
    [t("attempts"), batch.attempts ?? t("notSet")],
    [t("delay"), batch.callDelaySeconds === null ? t("notSet") : seconds(batch.callDelaySeconds, tc, t)],
    [t("callback"), batch.callback ? formatPhone(batch.callback) : t("notSet")],
    [t("from"), batch.from ? formatPhone(batch.from) : t("defaultCallerId")],
    [t("description"), batch.description || t("none")],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function seconds(n: number, tc: Translate, t: Translate): string {
  if (n < 60 || n % 60 !== 0) return tc("delaySeconds", { n });
  if (n < 3600) return tc("delayMinutes", { n: n / 60 });
  return t("hoursMinutes", { hours: Math.floor(n / 3600), minutes: (n % 3600) / 60 });
}
