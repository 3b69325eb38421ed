import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateContactListForm } from "@/components/contact-lists/create-contact-list-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { listContactLists } from "@/lib/db/queries/contact-lists";
import { DATE_TIME } from "@/lib/i18n/date-formats";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contactLists"))("title") };
}

/** Contact lists kept in the app: recipients for Calldog campaigns and a source for Calldron lists. */
export default async function ContactListsPage() {
  await requireUser();
  const t = await getTranslations("contactLists");
  const format = await getFormatter();
  const lists = await listContactLists();
  return (
    <>
      <PageHeader title={t("title")}>
        <p className="max-w-3xl">{t("intro")}</p>
        <p className="mt-2 flex gap-4">
          <Link href="/imports/new?target=app" className="text-indigo-700 underline">
            {t("importFile")}
          </Link>
          <Link href="/lists" className="text-indigo-700 underline">
            {t("backToLists")}
          </Link>
        </p>
      </PageHeader>
      <div className="space-y-6">
        <Card title={t("createTitle")}>
          <CreateContactListForm />
        </Card>
        <Card title={t("allLists")}>
          {lists.length === 0 ? (
            <p className="text-sm text-slate-600">{t("empty")}</p>
          ) : (
            <Table label={t("allLists")}>
              <thead>
                <tr>
                  <Th>{t("name")}</Th>
                  <Th>{t("numbers")}</Th>
                  <Th>{t("created")}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {lists.map((l) => (
                  <tr key={l.id}>
                    <Td>
                      <Link href={`/lists/app/${l.id}`} className="text-indigo-700 underline">
                        {l.name}
                      </Link>
                    </Td>
                    <Td>{format.number(l.entries)}</Td>
                    <Td>{format.dateTime(l.createdAt, DATE_TIME)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
