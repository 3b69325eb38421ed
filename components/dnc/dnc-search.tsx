import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

export async function DncSearch({ search }: { search?: string }) {
  const t = await getTranslations("dnc.list");
  return (
    <Form action="/dnc" role="search" className="mb-4 flex flex-wrap items-end gap-2">
      <div className="min-w-64 flex-1 space-y-1">
        <label htmlFor="dnc-search" className="block text-sm font-medium text-slate-700">
          {t("searchLabel")}
        </label>
        <input
          id="dnc-search"
          name="q"
          type="search"
          defaultValue={search}
          maxLength={100}
          placeholder={t("searchPlaceholder")}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30"
        />
      </div>
      <Button type="submit" variant="secondary">
        {t("search")}
      </Button>
      {search && (
        <Link href="/dnc" className="px-2 py-2 text-sm text-indigo-700 underline">
          {t("clear")}
        </Link>
      )}
    </Form>
  );
}
