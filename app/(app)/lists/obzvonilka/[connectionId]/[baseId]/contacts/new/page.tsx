import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ContactForm } from "@/components/obzvonilka/contact-form";
import { ObzvonilkaReadFailure } from "@/components/obzvonilka/read-failure";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { obzvonilkaParamsSchema } from "@/lib/obzvonilka/route-params";
import { readConnection } from "@/lib/providers/connection-clients";
import { ProviderError } from "@/lib/providers/provider-error";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("obzvonilka.form"))("createTitle") };
}

export default async function NewObzvonilkaContactPage({ params }: { params: Promise<Record<string, string>> }) {
  await requireUser();
  const parsed = obzvonilkaParamsSchema.safeParse(await params);
  if (!parsed.success || parsed.data.baseId === undefined) notFound();
  const { connectionId, baseId } = parsed.data;
  const t = await getTranslations("obzvonilka");
  const read = await readConnection("obzvonilka", connectionId, (client) =>
    client.getBase(baseId).catch((error) => {
      if (error instanceof ProviderError && error.kind === "not_found") return null;
      throw error;
    }),
  );
  if (!read) notFound();
  const back = { href: `/lists/obzvonilka/${connectionId}/${baseId}`, label: t("form.backToBase") };
  if (!read.ok || !read.data || read.data.deleted) {
    const missing = read.ok ? (read.data ? t("form.baseDeleted") : t("base.missing")) : undefined;
    return <ObzvonilkaReadFailure title={t("form.createTitle")} back={back} reason={read.ok ? undefined : read.error} missing={missing} />;
  }
  return (
    <>
      <PageHeader title={t("form.createTitle")}>
        <Link href={back.href} className="text-indigo-700 underline">
          {back.label}
        </Link>{" "}
        <span className="text-slate-500">·</span> {read.data.name}
      </PageHeader>
      <Card>
        <ContactForm mode="create" connectionId={connectionId} baseId={baseId} />
      </Card>
    </>
  );
}
