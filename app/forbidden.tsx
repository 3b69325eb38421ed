import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui/status-page";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <StatusPage code={403} title={t("title")} backLabel={t("back")}>
      <p className="text-slate-600">{t("body")}</p>
    </StatusPage>
  );
}
