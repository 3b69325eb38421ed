import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import type { ConnectionTestResult } from "@/lib/providers/connection-test";

/** A page whose provider read failed or found nothing: the reason in words and the way back, never an error page. */
export async function ObzvonilkaReadFailure({ title, back, reason, missing }: { title: string; back: { href: string; label: string }; reason?: ConnectionTestResult; missing?: string }) {
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={title}>
        <Link href={back.href} className="text-indigo-700 underline">
          {back.label}
        </Link>
      </PageHeader>
      <Notice tone="error">{missing ?? t("providerData.connectionFailed", { reason: t(`connections.results.${reason ?? "unexpected"}`) })}</Notice>
    </>
  );
}
