import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Campaign } from "@/lib/db/schema";

const TONE: Record<Campaign["state"], "gray" | "amber" | "green" | "red" | "indigo"> = {
  draft: "gray",
  launching: "amber",
  launched: "green",
  partial: "red",
  canceled: "gray",
};

export function CampaignStateBadge({ state }: { state: Campaign["state"] }) {
  const t = useTranslations("calldogResults.states");
  return <Badge tone={TONE[state]}>{t(state)}</Badge>;
}
