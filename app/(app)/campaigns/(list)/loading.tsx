import { getTranslations } from "next-intl/server";
import { PageLoading } from "@/components/ui/page-loading";

/**
 * The campaign list's placeholder while every account is read. In the (list) group so that it wraps this page
 * only: a loading boundary above a page that calls notFound() sends the shell first, and the answer is a 200.
 */
export default async function CampaignsLoading() {
  const t = await getTranslations("campaignsPage");
  return <PageLoading title={t("title")} label={t("loading")} />;
}
