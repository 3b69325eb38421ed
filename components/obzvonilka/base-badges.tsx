import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Base } from "@/lib/providers/obzvonilka/schema";

export async function BaseBadges({ base }: { base: Pick<Base, "deleted" | "select_from_last"> }) {
  const t = await getTranslations("obzvonilka.bases");
  return (
    <span className="flex flex-wrap gap-1">
      {base.deleted ? <Badge tone="red">{t("deleted")}</Badge> : <Badge tone="green">{t("active")}</Badge>}
      {base.select_from_last && <Badge tone="indigo">{t("newestFirst")}</Badge>}
    </span>
  );
}
