import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ObzvonilkaReadFailure } from "@/components/obzvonilka/read-failure";
import { ObzvonilkaUsersTable } from "@/components/obzvonilka/users-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { obzvonilkaParamsSchema } from "@/lib/obzvonilka/route-params";
import { readConnection } from "@/lib/providers/connection-clients";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("obzvonilka.users"))("title") };
}

export default async function ObzvonilkaUsersPage({ params }: { params: Promise<Record<string, string>> }) {
  await requireUser();
  const parsed = obzvonilkaParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const t = await getTranslations("obzvonilka.users");
  const read = await readConnection("obzvonilka", parsed.data.connectionId, (client) => client.listUsers());
  if (!read) notFound();
  const back = { href: "/lists", label: t("backToLists") };
  if (!read.ok) return <ObzvonilkaReadFailure title={t("title")} back={back} reason={read.error} />;
  return (
    <>
      <PageHeader title={t("title")}>
        <Link href={back.href} className="text-indigo-700 underline">
          {back.label}
        </Link>{" "}
        <span className="text-slate-500">·</span> {t("inConnection", { name: read.connection.name })}
      </PageHeader>
      <Card>
        <div className="space-y-3">
          <p className="text-sm text-slate-600">{t("readOnly")}</p>
          <ObzvonilkaUsersTable users={read.data} />
        </div>
      </Card>
    </>
  );
}
