import Link from "next/link";
import { getTranslations } from "next-intl/server";

const button = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50";

/** A campaign's calls, as stored in the app: opened on the Calls page, or downloaded as CSV or XLSX (its report). */
export async function CampaignCallExports({ campaignId }: { campaignId: string }) {
  const t = await getTranslations("calldogResults");
  return (
    <nav aria-label={t("exportHint")} className="flex flex-wrap items-center gap-2 text-sm">
      <Link href={`/calls?campaign=${campaignId}`} className="font-medium text-indigo-700 underline">
        {t("openInCalls")}
      </Link>
      <a href={`/api/calls/export?campaign=${campaignId}&format=csv`} download className={button}>
        {t("exportCsv")}
      </a>
      <a href={`/api/calls/export?campaign=${campaignId}&format=xlsx`} download className={button}>
        {t("exportXlsx")}
      </a>
    </nav>
  );
}
