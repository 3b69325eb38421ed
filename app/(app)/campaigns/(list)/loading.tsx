import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

/**
 * The campaign list's placeholder while every account is read. In the (list) group so that it wraps this page
 * only: a loading boundary above a page that calls notFound() sends the shell first, and the answer is a 200.
 */
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
