"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

type Health = { database: { ok: boolean; driver?: string }; queue: { ok: boolean } };

// A hand-written check rather than zod: zod would add 30 KB to the overview's first load.
function parseHealth(value: unknown): Health {
  const v = value as Partial<Health> | null;
  return {
    database: { ok: v?.database?.ok === true, driver: typeof v?.database?.driver === "string" ? v.database.driver : undefined },
    queue: { ok: v?.queue?.ok === true },
  };
}

/** Database and job-queue state, refreshed every 30 s. */
export function SystemStatus() {
  const t = useTranslations("overview");
  const { data, isPending } = useQuery({
    queryKey: ["health"],
    queryFn: async () => parseHealth(await (await fetch("/api/health")).json()),
    refetchInterval: 30_000,
  });
  const row = (label: string, ok: boolean | undefined, extra?: string) => (
    <div className="flex items-center justify-between py-1">
      <dt className="text-slate-600">{label}</dt>
      <dd>
        {isPending ? (
          <Badge>{t("checking")}</Badge>
        ) : (
          <Badge tone={ok ? "green" : "red"}>
            {ok ? t("healthy") : t("unhealthy")}
            {extra ? ` · ${extra}` : ""}
          </Badge>
        )}
      </dd>
    </div>
  );
  return (
    <dl className="text-sm" data-testid="system-status">
      {row(t("database"), data?.database.ok, data?.database.driver === "pglite" ? "PGlite" : data?.database.driver ? "PostgreSQL" : undefined)}
      {row(t("queue"), data?.queue.ok)}
    </dl>
  );
}
