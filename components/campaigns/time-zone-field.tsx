"use client";

import { useLocale } from "next-intl";
import { TextField } from "@/components/ui/field";
import { CALLDRON_TIME_ZONES, utcOffsetLabel } from "@/lib/providers/calldron/time-zones";

/** A text field with the zones Calldron takes as suggestions: typing a city or an offset narrows the list. */
export function TimeZoneField({ label, help, error, defaultValue }: { label: string; help: string; error?: string; defaultValue: string }) {
  const locale = useLocale();
  return (
    <>
      <TextField label={label} name="timeZone" list="calldron-time-zones" defaultValue={defaultValue} help={help} error={error} autoComplete="off" required />
      <datalist id="calldron-time-zones">
        {CALLDRON_TIME_ZONES.map((z) => (
          <option key={z.rails} value={z.rails}>
            {`${locale === "ru" ? z.ru : z.rails} — ${utcOffsetLabel(z.offsetHours)} (${z.iana})`}
          </option>
        ))}
      </datalist>
    </>
  );
}
