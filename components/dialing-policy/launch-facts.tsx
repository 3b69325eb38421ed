"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { TextField } from "@/components/ui/field";
import { TYPED_CONFIRMATION_ABOVE } from "@/lib/dialing/confirm";

export type LaunchFactsProps = {
  count: number;
  /** The counts held back before the launch; null when they are found as the list is read (a run of a list). */
  heldBack: { dnc: number; invalid: number; duplicate: number } | null;
  /** The window as text, made by the caller (the organisation's in a zone, or a batch's own). */
  window: string;
  /** When the calls start, as text; omitted where the provider starts them within its window. */
  starts?: string;
  provider: string;
  connection: string;
};

/** What every launch confirmation names before the final click. */
export function LaunchFacts({ count, heldBack, window, starts, provider, connection }: LaunchFactsProps) {
  const t = useTranslations("launchGuard");
  const format = useFormatter();
  return (
    <dl className="grid grid-cols-[10rem_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm" data-testid="launch-facts">
      <Fact label={t("toDial")}>
        <strong>{format.number(count)}</strong>
      </Fact>
      <Fact label={t("heldBack")}>
        {heldBack ? t("heldBackCounts", { dnc: format.number(heldBack.dnc), invalid: format.number(heldBack.invalid), duplicate: format.number(heldBack.duplicate) }) : t("heldBackAsRead")}
      </Fact>
      <Fact label={t("window")}>{window}</Fact>
      {starts && <Fact label={t("starts")}>{starts}</Fact>}
      <Fact label={t("provider")}>{provider}</Fact>
      <Fact label={t("connection")}>{connection}</Fact>
    </dl>
  );
}

/** Over 1,000 numbers, the count typed to confirm (the server checks it again); answers the typed number. */
export function TypedCount({ count, value, onChange }: { count: number; value: string; onChange: (value: string) => void }) {
  const t = useTranslations("launchGuard");
  if (count <= TYPED_CONFIRMATION_ABOVE) return null;
  return (
    <TextField
      id="typed-count"
      name="typedCount"
      label={t("typeToConfirm", { n: count })}
      help={t("typeHelp")}
      inputMode="numeric"
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A Calldron batch's own window, with its zone when the batch names one the app knows. */
export function batchWindowText(t: ReturnType<typeof useTranslations<"launchGuard">>, window: { from: string; to: string; timeZone: string }): string {
  return window.timeZone ? t("windowBatchZone", { from: window.from, to: window.to, zone: window.timeZone }) : t("windowBatch", { from: window.from, to: window.to });
}

/** The typed count as a number (spaces and separators ignored), or undefined. */
export function typedNumber(value: string): number | undefined {
  const digits = value.replace(/[\s,.\u00a0\u202f]/g, "");
  return /^\d{1,9}$/.test(digits) ? Number(digits) : undefined;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}
