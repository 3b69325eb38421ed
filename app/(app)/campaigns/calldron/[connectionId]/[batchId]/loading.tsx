import { getTranslations } from "next-intl/server";
import { PageLoading } from "@/components/ui/page-loading";

export default async function BatchLoading() {
  const t = await getTranslations("batchPage");
  return <PageLoading label={t("loading")} />;
}
