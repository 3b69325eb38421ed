import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SystemStatus } from "@/components/overview/system-status";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { listConnectionSummaries } from "@/lib/db/queries/connections";
import { PROVIDER_LABELS, PROVIDERS } from "@/lib/providers/catalog";

export default async function OverviewPage() {
  const user = await requireUser();
  const t = await getTranslations("overview");
  const connections = await listConnectionSummaries();
  return (
    <>
      <PageHeader title={t("title")}>{t("welcome", { name: user.name || user.email })}</PageHeader>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("connections")} className="lg:col-span-2">
          {connections.length === 0 ? (
            <div className="space-y-2 text-sm text-slate-600">
              <p>{t("noConnections")}</p>
              {user.role === "admin" ? (
                <Link href="/settings/connections" className="text-indigo-700 underline">
                  {t("addConnection")}
                </Link>
              ) : (
                <p>{t("noConnectionsManager")}</p>
              )}
            </div>
          ) : (
            <ul className="grid gap-3 sm:grid-cols-3">
              {PROVIDERS.map((provider) => {
                const mine = connections.filter((c) => c.provider === provider);
                return (
                  <li key={provider} className="rounded-md border border-slate-200 p-3">
                    <p className="font-medium">{PROVIDER_LABELS[provider]}</p>
                    <p className="text-sm text-slate-500">{t("connectionCount", { count: mine.length })}</p>
                    <ul className="mt-2 space-y-0.5 text-sm">
                      {mine.map((c) => (
                        <li key={c.id} className="truncate">
                          {c.name}
                        </li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        <Card title={t("system")}>
          <SystemStatus />
        </Card>
      </div>
    </>
  );
}
