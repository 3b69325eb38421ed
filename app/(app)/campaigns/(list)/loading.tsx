import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

export default async function CampaignsLoading() {
  const t = await getTranslations("campaignsPage");
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <Card>
        <p role="status" className="animate-pulse text-sm text-slate-600">
          {t("loading")}
        </p>
      </Card>
    </>
  );
}
