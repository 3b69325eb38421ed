import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AddDncForm } from "@/components/dnc/add-dnc-form";
import { DncPager } from "@/components/dnc/dnc-pager";
import { DncSearch } from "@/components/dnc/dnc-search";
import { type DncRow, DncTable } from "@/components/dnc/dnc-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { countDncEntries, listDncEntries } from "@/lib/db/queries/dnc";
import { decodeDncCursor, encodeDncCursor } from "@/lib/dnc-cursor";
import { DATE_TIME } from "@/lib/i18n/date-formats";
import { formatPhone } from "@/lib/phone-format";

const PAGE_SIZE = 50;

type Search = { q?: string | string[]; before?: string | string[]; after?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dnc"))("title") };
}

export default async function DncPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const t = await getTranslations("dnc");
  const ti = await getTranslations("imports.links");
  const format = await getFormatter();
  const params = await searchParams;
  const search = first(params.q)?.trim().slice(0, 100) || undefined;
  const before = decodeDncCursor(first(params.before));
  const after = before ? undefined : decodeDncCursor(first(params.after));

  // One row more than a page says whether there is a page beyond it.
  const fetched = await listDncEntries({ search, before, after, limit: PAGE_SIZE + 1 });
  const more = fetched.length > PAGE_SIZE;
  const entries = after ? fetched.slice(-PAGE_SIZE) : fetched.slice(0, PAGE_SIZE);
  const [total, matching] = await Promise.all([countDncEntries(), search ? countDncEntries({ search }) : undefined]);

  const rows: DncRow[] = entries.map((e) => ({
    id: e.id,
    phone: formatPhone(e.phone),
    reason: e.reason,
    addedBy: e.addedByEmail,
    source: e.source,
    addedAt: format.dateTime(e.createdAt, DATE_TIME),
  }));
  const firstRow = entries[0];
  const lastRow = entries.at(-1);
  const hasNewer = Boolean(before) || (Boolean(after) && more);
  const hasOlder = after ? true : more;

  return (
    <>
      <PageHeader title={t("title")}>
        <p className="max-w-3xl">{t("intro")}</p>
        <p className="mt-1 font-medium text-slate-700" data-testid="dnc-total">
          {t("total", { count: total })}
        </p>
        <p className="mt-2 flex flex-wrap gap-4">
          <Link href="/imports/new?target=dnc" className="text-indigo-700 underline">
            {ti("dncImport")}
          </Link>
          <a href="/api/dnc/export" className="text-indigo-700 underline" download>
            {ti("dncExport")}
          </a>
        </p>
      </PageHeader>
      <div className="space-y-6">
        <Card title={t("add.title")}>
          <AddDncForm />
        </Card>
        <Card title={t("list.title")}>
          <DncSearch search={search} />
          {search && matching !== undefined && matching > 0 && (
            <p className="mb-3 text-sm text-slate-600" aria-live="polite">
              {t("list.matches", { count: matching, search })}
            </p>
          )}
          <DncTable rows={rows} canRemove={user.role === "admin"} emptyText={search ? t("list.noMatch", { search }) : t("list.empty")} />
          <DncPager
            search={search}
            newer={hasNewer && firstRow ? encodeDncCursor(firstRow) : undefined}
            older={hasOlder && lastRow ? encodeDncCursor(lastRow) : undefined}
          />
        </Card>
      </div>
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
