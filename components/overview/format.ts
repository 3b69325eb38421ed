import type { useFormatter } from "next-intl";

type Format = ReturnType<typeof useFormatter>;
/** `overviewResults`' translator, from getTranslations or useTranslations. */
type Translate = (key: "noValue" | "duration", values?: Record<string, string | number>) => string;

/** A share as a percentage with one decimal, or a dash when there is nothing to share. */
export function formatRate(format: Format, t: Translate, value: number | null): string {
  return value === null ? t("noValue") : format.number(value, { style: "percent", maximumFractionDigits: 1 });
}

/** Talk time as minutes:seconds. */
export function formatTalk(t: Translate, seconds: number | null): string {
  if (seconds === null) return t("noValue");
  const whole = Math.round(seconds);
  return t("duration", { minutes: Math.floor(whole / 60), seconds: String(whole % 60).padStart(2, "0") });
}

/** A chart bucket (`YYYY-MM-DDTHH:MI`, already local): its hour today, its date otherwise. */
export function formatBucket(format: Format, bucket: string, unit: "hour" | "day"): string {
  if (unit === "hour") return bucket.slice(11, 16);
  return format.dateTime(new Date(`${bucket}:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
}
