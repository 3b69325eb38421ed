import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ContactForm } from "@/components/obzvonilka/contact-form";
import { ObzvonilkaReadFailure } from "@/components/obzvonilka/read-failure";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { obzvonilkaParamsSchema } from "@/lib/obzvonilka/route-params";
import { readConnection } from "@/lib/providers/connection-clients";
import { ProviderError } from "@/lib/providers/provider-error";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("obzvonilka.form"))("editTitle") };
}

/** One contact with every field, editable unless its base is in the bin (the API refuses writes there). */
export default async function ObzvonilkaContactPage({ params, searchParams }: { params: Promise<Record<string, string>>; searchParams: Promise<{ created?: string }> }) {
  await requireUser();
  const parsed = obzvonilkaParamsSchema.safeParse(await params);
  if (!parsed.success || parsed.data.baseId === undefined || parsed.data.contactId === undefined) notFound();
  const { connectionId, baseId, contactId } = parsed.data;
  const created = (await searchParams).created === "1";
  const t = await getTranslations("obzvonilka");
  const read = await readConnection("obzvonilka", connectionId, async (client) => {
    try {
      const [base, contact] = await Promise.all([client.getBase(baseId), client.getContact(baseId, contactId)]);
      return { base, contact };
    } catch (error) {
      if (error instanceof ProviderError && error.kind === "not_found") return null;
      throw error;
    }
  });
  if (!read) notFound();
  const back = { href: `/lists/obzvonilka/${connectionId}/${baseId}`, label: t("form.backToBase") };
  if (!read.ok || !read.data) {
    return <ObzvonilkaReadFailure title={t("form.editTitle")} back={back} reason={read.ok ? undefined : read.error} missing={read.ok ? t("form.missing") : undefined} />;
  }
  const { base, contact } = read.data;
  return (
    <>
      <PageHeader title={contact.name || t("contacts.noName")}>
        <Link href={back.href} className="text-indigo-700 underline">
          {back.label}
        </Link>{" "}
        <span className="text-slate-500">·</span> {base.name} <span className="text-slate-500">·</span> {t("form.contactId", { id: contact.id })}
      </PageHeader>
      <div className="space-y-4">
        {created && <Notice tone="success">{t("form.created")}</Notice>}
        {base.deleted && <Notice tone="warning">{t("form.baseDeleted")}</Notice>}
        <Card>
          <ContactForm mode="edit" connectionId={connectionId} baseId={baseId} contactId={contact.id} contact={contact} readOnly={base.deleted} />
        </Card>
      </div>
    </>
  );
}
