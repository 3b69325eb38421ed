import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A plain GET form: the search is in the URL, so it can be reloaded and shared. */
export async function SubscriberSearchForm({ action, defaultValue }: { action: string; defaultValue: string }) {
  const t = await getTranslations("listPage");
  return (
    <search>
      <form action={action} method="get" className="flex flex-wrap items-end gap-2">
      <div className="min-w-56 flex-1 space-y-1">
        <label htmlFor="subscriber-search" className="block text-sm font-medium text-slate-700">
          {t("searchLabel")}
        </label>
        <input
          id="subscriber-search"
          name="q"
          type="search"
          inputMode="tel"
          defaultValue={defaultValue}
          maxLength={40}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30"
        />
      </div>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
        {t("search")}
      </button>
      {defaultValue && (
        <Link href={action} className="py-2 text-sm text-indigo-700 underline">
          {t("clearSearch")}
        </Link>
      )}
      </form>
    </search>
  );
}
