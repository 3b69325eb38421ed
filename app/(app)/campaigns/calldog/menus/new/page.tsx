import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { IvrTemplateEditor } from "@/components/calldog/ivr-template-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { recordChoicesForBuilder } from "@/lib/calldog/record-choices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calldogIvr"))("newMenu") };
}

export default async function NewIvrMenuPage() {
  await requireUser();
  const t = await getTranslations("calldogIvr");
  return (
    <>
      <Link href="/campaigns/calldog/menus" className="text-sm text-indigo-700 underline">
        ← {t("menusTitle")}
      </Link>
      <PageHeader title={t("newMenu")}>{t("builderIntro")}</PageHeader>
      <IvrTemplateEditor records={await recordChoicesForBuilder()} />
    </>
  );
}
