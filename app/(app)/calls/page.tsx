import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BatchCalls } from "@/components/calls/batch-calls";
import { NoConnections } from "@/components/provider-data/connection-section";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { readEachConnection } from "@/lib/providers/connection-clients";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callsPage"))("title") };
}

/** Calldron calls of one batch at a time, chosen by `?batch=<connection id>:<batch id>`. */
export default async function CallsPage({ searchParams }: { searchParams: Promise<{ batch?: string }> }) {
  await requireUser();
  const t = await getTranslations();
  const query = await searchParams;
  const batchReads = await readEachConnection("calldron", (client) => client.listBatches());
  const options = batchReads.flatMap((read) =>
    read.ok
      ? read.data.map((b) => ({ value: `${read.connection.id}:${b.id}`, connection: read.connection.name, connectionId: read.connection.id, batchId: b.id, name: b.name }))
      : [],
  );
  const selected = options.find((o) => o.value === query.batch) ?? options[0];

  return (
    <>
      <PageHeader title={t("callsPage.title")} />
      <div className="space-y-6">
        {batchReads.length === 0 && <NoConnections provider="Calldron" />}
        {batchReads.map(
          (read) =>
            !read.ok && (
              <Notice key={read.connection.id} tone="error">
                {read.connection.name}: {t("providerData.connectionFailed", { reason: t(`connections.results.${read.error}`) })}
              </Notice>
            ),
        )}
        {batchReads.some((r) => r.ok) && options.length === 0 && (
          <Card>
            <p className="text-sm text-slate-600">{t("callsPage.noBatches")}</p>
          </Card>
        )}
        {options.length > 0 && (
          <form method="get" className="flex flex-wrap items-end gap-3">
            <SelectField label={t("callsPage.batch")} name="batch" defaultValue={selected?.value} className="min-w-80">
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.connection} · {o.name}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant="secondary">
              {t("callsPage.show")}
            </Button>
          </form>
        )}
        {selected && (
          <Card
            title={
              <span>
                {selected.name} <span className="font-normal text-slate-500">· {selected.connection}</span>
              </span>
            }
          >
            <BatchCalls key={selected.value} connectionId={selected.connectionId} batchId={selected.batchId} batchName={selected.name} />
          </Card>
        )}
      </div>
    </>
  );
}
