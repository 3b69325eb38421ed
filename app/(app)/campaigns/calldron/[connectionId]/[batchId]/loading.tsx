import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

export default async function BatchLoading() {
  const t = await getTranslations("batchPage");
  return (
    <Card>
      <p role="status" className="animate-pulse text-sm text-slate-600">
        {t("loading")}
      </p>
    </Card>
  );
}
