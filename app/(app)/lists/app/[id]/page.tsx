import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AddEntryForm } from "@/components/contact-lists/add-entry-form";
import { DeleteContactListButton, RemoveEntryButton } from "@/components/contact-lists/list-actions";
import { PushToCalldronForm } from "@/components/contact-lists/push-to-calldron-form";
import { RenameContactListForm } from "@/components/contact-lists/rename-contact-list-form";
import { Pager, pageParam } from "@/components/provider-data/pager";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { mayChangeContactList } from "@/lib/contact-lists/access";
import { countContactListEntries, findContactList, listContactListEntries } from "@/lib/db/queries/contact-lists";
import { DATE_TIME } from "@/lib/i18n/date-formats";
import { formatPhone } from "@/lib/phone-format";
import { readEachConnection } from "@/lib/providers/connection-clients";

const PER_PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contactLists"))("listTitle") };
}

/** One kept list: its numbers (search, pages), add and remove, rename, delete, push into Calldron. */
export default async function ContactListPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ q?: string; page?: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const list = await findContactList({ id });
  if (!list) notFound();
  // Everyone may read and use a kept list; only its owner or an admin sees the controls that change it.
  const canChange = mayChangeContactList(list, user);
  const t = await getTranslations("contactLists");
  const format = await getFormatter();
  const query = await searchParams;
  const search = query.q?.trim().slice(0, 100) || undefined;
  const page = pageParam(query.page);
  const [entries, total, calldron] = await Promise.all([
    listContactListEntries({ listId: id, search, offset: (page - 1) * PER_PAGE, limit: PER_PAGE + 1 }),
    countContactListEntries({ listId: id, search }),
    readEachConnection("calldron", (client) => client.listsPage(1, 100)),
  ]);
  const choices = calldron.flatMap((read) =>
    read.ok ? read.data.items.map((l) => ({ connectionId: read.connection.id, connectionName: read.connection.name, id: l.id, name: l.name })) : [],
  );
  const hrefFor = (n: number) => `/lists/app/${id}?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(n) })}`;
  return (
    <>
      <PageHeader title={list.name} actions={canChange ? <DeleteContactListButton listId={id} name={list.name} /> : undefined}>
        <p className="flex gap-4">
          <Link href="/lists/app" className="text-indigo-700 underline">
            {t("backToKept")}
          </Link>
          {canChange && (
            <Link href={`/imports/new?target=app&list=${id}`} className="text-indigo-700 underline">
              {t("importFile")}
            </Link>
          )}
        </p>
        {!canChange && <p className="mt-2 text-sm text-slate-600">{t("readOnly")}</p>}
      </PageHeader>
      <div className="space-y-6">
        {canChange && (
          <Card title={t("addTitle")}>
            <AddEntryForm listId={id} />
          </Card>
        )}
        <Card title={t("numbersTitle", { n: total })}>
          <form className="mb-4 flex gap-2" aria-label={t("search")}>
            <label htmlFor="entry-search" className="sr-only">
              {t("search")}
            </label>
            <input id="entry-search" name="q" defaultValue={search} placeholder={t("searchPlaceholder")} className="w-72 rounded-md border border-slate-300 px-3 py-2 text-sm" />
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm">
              {t("search")}
            </button>
          </form>
          {entries.length === 0 ? (
            <p className="text-sm text-slate-600">{search ? t("noMatch", { search }) : t("noNumbers")}</p>
          ) : (
            <Table label={t("numbersLabel")}>
              <thead>
                <tr>
                  <Th>{t("phone")}</Th>
                  <Th>{t("entryName")}</Th>
                  <Th>{t("added_at")}</Th>
                  {canChange && (
                    <Th className="w-24">
                      <span className="sr-only">{t("remove")}</span>
                    </Th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {entries.slice(0, PER_PAGE).map((e) => (
                  <tr key={e.id} data-testid="kept-entry">
                    <Td className="whitespace-nowrap font-mono text-xs">{formatPhone(e.phone)}</Td>
                    <Td>{e.name}</Td>
                    <Td>{format.dateTime(e.createdAt, DATE_TIME)}</Td>
                    {canChange && (
                      <Td>
                        <RemoveEntryButton listId={id} entryId={e.id} phone={formatPhone(e.phone)} />
                      </Td>
                    )}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          <Pager page={page} hasNext={entries.length > PER_PAGE} hrefFor={hrefFor} />
        </Card>
        <Card title={t("pushTitle")}>
          <PushToCalldronForm listId={id} choices={choices} />
        </Card>
        {canChange && (
          <Card title={t("renameTitle")}>
            <RenameContactListForm listId={id} name={list.name} />
          </Card>
        )}
      </div>
    </>
  );
}
