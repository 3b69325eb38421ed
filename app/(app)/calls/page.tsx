import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CalldronCallsTable } from "@/components/provider-data/calls-table";
import { ConnectionSection, NoConnections } from "@/components/provider-data/connection-section";
import { Pager, pageParam } from "@/components/provider-data/pager";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { readConnection, readEachConnection } from "@/lib/providers/connection-clients";

const PER_PAGE = 25;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callsPage"))("title") };
}

/** Calldron calls of one batch at a time, chosen by `?batch=<connection id>:<batch id>`. */
export default async function CallsPage({ searchParams }: { searchParams: Promise<{ batch?: string; page?: string }> }) {
  await requireUser();
  const t = await getTranslations("callsPage");
  const query = await searchParams;
  const batchReads = await readEachConnection("calldron", (client) => client.listBatches());
  const options = batchReads.flatMap((read) =>
    read.ok ? read.data.map((b) => ({ value: `${read.connection.id}:${b.id}`, label: `${read.connection.name} · ${b.name}` })) : [],
  );
  const selected = options.find((o) => o.value === query.batch) ?? options[0];
  const [connectionId, batchId] = selected?.value.split(":") ?? [];
  const page = pageParam(query.page);
  const calls =
    connectionId && batchId ? await readConnection("calldron", connectionId, (client) => client.callsPage(batchId, page, PER_PAGE)) : undefined;

  return (
    <>
      <PageHeader title={t("title")} />
      <div className="space-y-6">
        {batchReads.length === 0 && <NoConnections provider="Calldron" />}
        {batchReads.length > 0 && options.length === 0 && (
          <Card>
            <p className="text-sm text-slate-600">{t("noBatches")}</p>
          </Card>
        )}
        {options.length > 0 && (
          <form method="get" className="flex flex-wrap items-end gap-3">
            <SelectField label={t("batch")} name="batch" defaultValue={selected?.value} className="min-w-80">
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="secondary">
              {t("show")}
            </Button>
          </form>
        )}
        {calls && selected && (
          <ConnectionSection read={calls} title={selected.label.split(" · ").slice(1).join(" · ")}>
            {(result) => (
              <>
                <CalldronCallsTable calls={result.items} />
                <Pager page={page} hasNext={result.nextPage !== null} hrefFor={(n) => `/calls?batch=${encodeURIComponent(selected.value)}&page=${n}`} />
              </>
            )}
          </ConnectionSection>
        )}
      </div>
    </>
  );
}
