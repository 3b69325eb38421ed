import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { IVR_CHOICES, type CallQuery } from "@/lib/calls/call-filters";
import { CALL_SORTS } from "@/lib/db/queries/call-list";
import { callStatusEnum, providerEnum } from "@/lib/db/schema";

type Choice = { id: string; name: string };

/** The Calls page's filters as a plain GET form: the URL holds the view, so it can be shared and works without script. */
export async function CallsFilterForm({ query, connections, campaigns }: { query: CallQuery; connections: Choice[]; campaigns: Choice[] }) {
  const t = await getTranslations("callsView");
  const ivrLabel = (v: string) => (v === "-1" ? t("ivrChoices.stayed") : /^\d$/.test(v) ? t("ivrChoices.digit", { digit: v }) : t(`ivrChoices.${v}` as never));
  return (
    <form method="get" action="/calls" aria-label={t("filters")} className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6" data-testid="calls-filters">
      <SelectField label={t("provider")} name="provider" defaultValue={query.provider ?? ""}>
        <option value="">{t("all")}</option>
        {providerEnum.enumValues.map((p) => (
          <option key={p} value={p}>
            {t(`providers.${p}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("connection")} name="connection" defaultValue={query.connection ?? ""}>
        <option value="">{t("all")}</option>
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("campaign")} name="campaign" defaultValue={query.campaign ?? ""} className="col-span-2">
        <option value="">{t("all")}</option>
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("status")} name="status" defaultValue={query.status ?? ""}>
        <option value="">{t("all")}</option>
        {callStatusEnum.enumValues.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("ivr")} name="ivr" defaultValue={query.ivr ?? ""}>
        <option value="">{t("all")}</option>
        {IVR_CHOICES.map((v) => (
          <option key={v} value={v}>
            {ivrLabel(v)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("from")} name="from" type="date" defaultValue={query.from ?? ""} />
      <TextField label={t("to")} name="to" type="date" defaultValue={query.to ?? ""} />
      <SelectField label={t("recording")} name="recording" defaultValue={query.recording ?? ""}>
        <option value="">{t("all")}</option>
        <option value="yes">{t("recordingYes")}</option>
        <option value="no">{t("recordingNo")}</option>
      </SelectField>
      {/* A column is ~145 px at 1280: the placeholder is a short example, the whole hint its title (tooltip and description). */}
      <TextField label={t("search")} name="q" type="search" inputMode="tel" defaultValue={query.q ?? ""} placeholder={t("searchExample")} title={t("searchHelp")} />
      <SelectField label={t("sort")} name="sort" defaultValue={query.sort ?? "newest"}>
        {CALL_SORTS.map((s) => (
          <option key={s} value={s}>
            {t(`sorts.${s}`)}
          </option>
        ))}
      </SelectField>
      {/* Wraps rather than spilling out of its column: "Сбросить фильтры" does not fit beside the button at 1280 px. */}
      <div className="flex min-w-0 flex-wrap content-end items-end gap-x-2">
        <Button type="submit">{t("apply")}</Button>
        <Link href="/calls" className="whitespace-nowrap py-2 text-sm text-indigo-700 underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
