import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listConnectionSummaries } from "@/lib/db/queries/connections";
import type { Provider } from "@/lib/db/schema";

type Area = "audio";

/** An area that is not built yet says so plainly ("coming"), so that it is not read as "no data". */
export async function AreaPlaceholder({ area, providers }: { area: Area; providers: Provider[] }) {
  const t = await getTranslations("areas");
  const connections = (await listConnectionSummaries()).filter((c) => providers.includes(c.provider));
  return (
    <>
      <PageHeader title={t(`${area}.title`)} />
      <Card>
        <div className="flex flex-col items-center gap-2 py-10 text-center" data-testid="coming-soon">
          <Badge tone="indigo">{t(`${area}.badge`)}</Badge>
          <p className="text-lg font-medium text-slate-800">{t(`${area}.coming`)}</p>
          <p className="max-w-md text-sm text-slate-600">{t(`${area}.body`)}</p>
          <p className="text-xs text-slate-500">
            {connections.length > 0 ? t("connectedVia", { names: connections.map((c) => c.name).join(", ") }) : t("notConnected")}
          </p>
        </div>
      </Card>
    </>
  );
}
