"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useMemo, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";
import { setTimeZone } from "@/lib/actions/profile";
import type { TimeZoneOption } from "@/lib/i18n/time-zones";

/** A searchable list of IANA zones: typing narrows the list, the select picks one, Save applies it to every date shown. */
export function TimeZoneForm({ current, options }: { current: string; options: TimeZoneOption[] }) {
  const t = useTranslations("profile");
  const router = useRouter();
  const searchId = useId();
  const [search, setSearch] = useState("");
  const [value, setValue] = useState(current);
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const shown = useMemo(() => {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = options.filter((o) => words.every((w) => o.label.toLowerCase().includes(w)));
    // The chosen zone stays in the list, so the select never silently shows another one.
    return matches.some((o) => o.value === value) ? matches : [...options.filter((o) => o.value === value), ...matches];
  }, [options, search, value]);

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await setTimeZone({ timeZone: value });
      setState(result.ok ? { ok: true, message: t("timeZoneSaved") } : { ok: false, message: result.fieldErrors?.timeZone ?? result.error });
      if (result.ok) router.refresh();
    });
  };

  // The server renders the chosen zone only: until the page has hydrated the form cannot save, so the other ~420
  // options would be HTML (about 45 KB, rendered on every view) that nobody can use yet.
  const hydrated = useHydrated();
  const listed = hydrated ? shown : options.filter((o) => o.value === value);
  const group = (g: TimeZoneOption["group"]) =>
    listed
      .filter((o) => o.group === g)
      .map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ));

  return (
    <form onSubmit={save} className="space-y-4">
      {state && <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice>}
      <TextField
        id={searchId}
        label={t("timeZoneSearch")}
        name="timeZoneSearch"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        help={t("timeZoneSearchHelp")}
        autoComplete="off"
      />
      <SelectField label={t("timeZone")} name="timeZone" value={value} onChange={(e) => setValue(e.target.value)} help={t("timeZoneHelp")}>
        <optgroup label={t("timeZonesRussia")}>{group("russia")}</optgroup>
        <optgroup label={t("timeZonesWorld")}>{group("world")}</optgroup>
      </SelectField>
      <Button type="submit" disabled={pending || value === current}>
        {t("timeZoneSave")}
      </Button>
    </form>
  );
}
