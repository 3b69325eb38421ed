import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConnectionSection, NoConnections } from "@/components/provider-data/connection-section";
import { CalldronListsTable } from "@/components/lists/calldron-lists-table";
import { CreateListForm } from "@/components/lists/create-list-form";
import { ObzvonilkaBasesSection } from "@/components/obzvonilka/bases-section";
import { Pager, pageParam } from "@/components/provider-data/pager";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { readEachConnection } from "@/lib/providers/connection-clients";

const PER_PAGE = 25;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("listsPage"))("title") };
}

export default async function ListsPage({ searchParams }: { searchParams: Promise<{ c?: string; page?: string }> }) {
  await requireUser();
  const t = await getTranslations("listsPage");
  const ti = await getTranslations("imports.links");
  const query = await searchParams;
  // The page number applies to the connection named in `c`; the others show their first page.
  const pageOf = (connectionId: string) => (query.c === connectionId ? pageParam(query.page) : 1);
  const [calldron, obzvonilka] = await Promise.all([
    readEachConnection("calldron", (client, c) => client.listsPage(pageOf(c.id), PER_PAGE)),
    readEachConnection("obzvonilka", (client) => client.listBases()),
  ]);
  return (
    <>
      <PageHeader title={t("title")}>
        <p className="flex flex-wrap gap-4">
          <Link href="/lists/app" className="text-indigo-700 underline">
            {ti("keptLists")}
          </Link>
          <Link href="/imports/new" className="text-indigo-700 underline">
            {ti("importContacts")}
          </Link>
        </p>
      </PageHeader>
      <div className="space-y-6">
        {calldron.length === 0 && <NoConnections provider="Calldron" />}
        {calldron.map((read) => (
          <ConnectionSection key={read.connection.id} read={read} title={t("calldronLists")}>
            {(page) => (
              <div className="space-y-4">
                <CreateListForm connectionId={read.connection.id} />
                <CalldronListsTable connectionId={read.connection.id} lists={page.items} />
                <Pager page={pageOf(read.connection.id)} hasNext={page.nextPage !== null} hrefFor={(n) => `/lists?c=${read.connection.id}&page=${n}`} />
              </div>
            )}
          </ConnectionSection>
        ))}
        {obzvonilka.length === 0 && <NoConnections provider="Obzvonilka" />}
        {obzvonilka.map((read) => (
          <ConnectionSection key={read.connection.id} read={read} title={t("obzvonilkaBases")}>
            {(bases) => <ObzvonilkaBasesSection connectionId={read.connection.id} bases={bases} />}
          </ConnectionSection>
        ))}
      </div>
    </>
  );
}
