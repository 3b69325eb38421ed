import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/current-user";
import { listConnectionSummaries } from "@/lib/db/queries/connections";
import { PROVIDER_LABELS, PROVIDERS } from "@/lib/providers/catalog";

/** How many connections each provider has, or how to add the first one. */
export async function ConnectionsSummary({ user }: { user: SessionUser }) {
  const t = await getTranslations("overview");
  const connections = await listConnectionSummaries();
  if (connections.length === 0) {
    return (
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
    );
  }
  return (
    <ul className="space-y-2 text-sm">
      {PROVIDERS.map((provider) => {
        const mine = connections.filter((c) => c.provider === provider);
        return (
          <li key={provider}>
            <p className="flex justify-between gap-2">
              <span className="font-medium">{PROVIDER_LABELS[provider]}</span>
              <span className="text-slate-600">{t("connectionCount", { count: mine.length })}</span>
            </p>
            {mine.length > 0 && <p className="truncate text-slate-600">{mine.map((c) => c.name).join(", ")}</p>}
          </li>
        );
      })}
    </ul>
  );
}
