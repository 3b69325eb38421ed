import { getTranslations } from "next-intl/server";
import { PageLoading } from "@/components/ui/page-loading";

export default async function CallsLoading() {
  const t = await getTranslations("callsView");
  return <PageLoading title={t("title")} label={t("loading")} />;
}
