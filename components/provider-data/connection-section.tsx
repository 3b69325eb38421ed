import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import type { ConnectionRead } from "@/lib/providers/connection-clients";

/** One connection's share of a page: its data, or why it could not be read, in words. */
export async function ConnectionSection<T>({
  read,
  title,
  children,
}: {
  read: ConnectionRead<T>;
  title: string;
  children: (data: T) => ReactNode;
}) {
  const t = await getTranslations();
  return (
    <Card
      title={
        <span>
          {title} <span className="font-normal text-slate-500">· {read.connection.name}</span>
        </span>
      }
    >
      {read.ok ? (
        children(read.data)
      ) : (
        <Notice tone="error">{t("providerData.connectionFailed", { reason: t(`connections.results.${read.error}`) })}</Notice>
      )}
    </Card>
  );
}

export async function NoConnections({ provider }: { provider: string }) {
  const t = await getTranslations("providerData");
  return (
    <Card>
      <p className="text-sm text-slate-600" data-testid="empty-state">
        {t("noConnections", { provider })} {t("askAdmin")}
      </p>
    </Card>
  );
}
