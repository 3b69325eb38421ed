import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportWizard, type TargetChoices } from "@/components/imports/import-wizard";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { listContactLists } from "@/lib/db/queries/contact-lists";
import { readEachConnection } from "@/lib/providers/connection-clients";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("imports"))("newTitle") };
}

/** Where a spreadsheet goes: the targets are read here (lists, bases, kept lists) so the form can offer them by name. */
export default async function NewImportPage({ searchParams }: { searchParams: Promise<{ target?: string; list?: string }> }) {
  await requireUser();
  const t = await getTranslations("imports");
  const query = await searchParams;
  const [calldron, obzvonilka, kept] = await Promise.all([
    readEachConnection("calldron", (client) => client.listsPage(1, 100)),
    readEachConnection("obzvonilka", (client) => client.listBases()),
    listContactLists(),
  ]);
  const choices: TargetChoices = {
    calldron: calldron.flatMap((read) =>
      read.ok ? read.data.items.map((l) => ({ connectionId: read.connection.id, connectionName: read.connection.name, id: l.id, name: l.name })) : [],
    ),
    obzvonilka: obzvonilka.flatMap((read) =>
      read.ok
        ? read.data.filter((b) => !b.deleted).map((b) => ({ connectionId: read.connection.id, connectionName: read.connection.name, id: String(b.id), name: b.name ?? `#${b.id}` }))
        : [],
    ),
    app: kept.map((l) => ({ id: l.id, name: l.name })),
  };
  return (
    <>
      <PageHeader title={t("newTitle")}>
        <p className="max-w-3xl">{t("newIntro")}</p>
      </PageHeader>
      <Card>
        <ImportWizard choices={choices} initialTarget={query.target} initialList={query.list} />
      </Card>
    </>
  );
}
