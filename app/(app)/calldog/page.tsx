import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoConnections } from "@/components/provider-data/connection-section";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { listConnectionSummaries } from "@/lib/db/queries/connections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calldogHub"))("title") };
}

/** Calldog's tools in one place: IVR menus, phone verification, and (for admins) each account's details. */
export default async function CalldogHubPage() {
  const user = await requireUser();
  const t = await getTranslations("calldogHub");
  const connections = (await listConnectionSummaries()).filter((c) => c.provider === "calldog");
  const tool = (href: string, title: string, body: string) => (
    <Link href={href} className="block rounded-lg border border-slate-200 bg-white p-5 shadow-xs hover:border-indigo-300 hover:bg-indigo-50/40">
      <span className="block font-semibold text-indigo-800">{title} →</span>
      <span className="mt-1 block text-sm text-slate-600">{body}</span>
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title")}>{t("intro")}</PageHeader>
      <div className="space-y-6">
        {connections.length === 0 && <NoConnections provider="Calldog" />}
        <div className="grid gap-4 md:grid-cols-2">
          {tool("/campaigns/calldog/menus", t("menus"), t("menusBody"))}
          {tool("/calldog/verify", t("verify"), t("verifyBody"))}
        </div>
        {user.role === "admin" && connections.length > 0 && (
          <Card title={t("accounts")}>
            <ul className="divide-y divide-slate-100">
              {connections.map((c) => (
                <li key={c.id} className="flex items-center justify-between py-2 text-sm">
                  <span className="font-medium">{c.name}</span>
                  <Link href={`/settings/connections/${c.id}/calldog`} className="text-indigo-700 underline">
                    {t("accountLink")}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
