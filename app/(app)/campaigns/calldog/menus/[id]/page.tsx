import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { IvrTemplateEditor } from "@/components/calldog/ivr-template-editor";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { ivrMenuSchema } from "@/lib/calldog/ivr-menu-schema";
import { recordChoicesForBuilder } from "@/lib/calldog/record-choices";
import { findIvrTemplate } from "@/lib/db/queries/ivr-templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calldogIvr"))("editMenu") };
}

export default async function EditIvrMenuPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findIvrTemplate({ id }) : undefined;
  if (!row) notFound();
  const t = await getTranslations("calldogIvr");
  const menu = ivrMenuSchema.safeParse(row.menu);
  return (
    <>
      <Link href="/campaigns/calldog/menus" className="text-sm text-indigo-700 underline">
        ← {t("menusTitle")}
      </Link>
      <PageHeader title={t("editMenu")}>{t("builderIntro")}</PageHeader>
      {menu.success ? (
        <IvrTemplateEditor template={{ id: row.id, name: row.name, menu: menu.data }} records={await recordChoicesForBuilder()} />
      ) : (
        <Notice tone="error">{t("unreadable")}</Notice>
      )}
    </>
  );
}
