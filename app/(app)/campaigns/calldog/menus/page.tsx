import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { IvrMenuTree } from "@/components/calldog/ivr-menu-tree";
import { DATE_TIME } from "@/lib/i18n/date-formats";
import { showRussianPhone } from "@/lib/phone-ru";
import { IvrTemplateDeleteButton } from "@/components/calldog/ivr-template-delete-button";
import { Pager, pageParam } from "@/components/provider-data/pager";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { ivrMenuSchema } from "@/lib/calldog/ivr-menu-schema";
import { listIvrTemplates } from "@/lib/db/queries/ivr-templates";

const PAGE_SIZE = 20;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calldogIvr"))("menusTitle") };
}

/** Saved IVR menus: reused by Calldog campaigns, made and changed here. */
export default async function IvrMenusPage({ searchParams }: { searchParams: Promise<{ page?: string; saved?: string }> }) {
  await requireUser();
  const t = await getTranslations("calldogIvr");
  const format = await getFormatter();
  const query = await searchParams;
  const page = pageParam(query.page);
  const rows = await listIvrTemplates({ limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  const newButton = (
    <Link href="/campaigns/calldog/menus/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
      {t("newMenu")}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("menusTitle")} actions={newButton}>
        {t("menusIntro")}
      </PageHeader>
      {query.saved && (
        <Notice tone="success" className="mb-4">
          {t("templateSaved", { name: query.saved.slice(0, 100) })}
        </Notice>
      )}
      <Card>
        {rows.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-600" data-testid="ivr-menus-empty">
            {page > 1 ? t("pageEmpty") : t("menusEmpty")}
          </p>
        ) : (
          <Table label={t("menusTitle")}>
            <thead>
              <tr>
                <Th>{t("templateName")}</Th>
                <Th>{t("menu")}</Th>
                <Th className="hidden lg:table-cell">{t("createdBy")}</Th>
                <Th className="text-right">{t("actionsColumn")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.slice(0, PAGE_SIZE).map((row) => {
                const menu = ivrMenuSchema.safeParse(row.menu);
                return (
                  <tr key={row.id} data-testid={`ivr-template-${row.name}`}>
                    <Td className="align-top font-medium">{row.name}</Td>
                    <Td className="max-w-md align-top">{menu.success ? <IvrMenuTree menu={menu.data} showPhone={showRussianPhone} compact /> : <span className="text-red-700">{t("unreadable")}</span>}</Td>
                    <Td className="hidden align-top text-xs text-slate-600 lg:table-cell">
                      {row.createdByEmail ?? "—"}
                      <br />
                      {format.dateTime(row.createdAt, DATE_TIME)}
                    </Td>
                    <Td className="align-top">
                      <div className="flex justify-end gap-2">
                        <Link
                          href={`/campaigns/calldog/menus/${row.id}`}
                          className="inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50"
                          aria-label={t("editNamed", { name: row.name })}
                        >
                          {t("edit")}
                        </Link>
                        <IvrTemplateDeleteButton id={row.id} name={row.name} />
                      </div>
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        <Pager page={page} hasNext={rows.length > PAGE_SIZE} hrefFor={(p) => `/campaigns/calldog/menus?page=${p}`} />
      </Card>
    </>
  );
}
