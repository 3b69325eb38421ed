import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LazyLaunchReport } from "@/components/calldog/lazy-launch-report";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { findCampaign } from "@/lib/db/queries/campaign-launch";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calldogCampaign"))("report.title") };
}

/** How a Calldog campaign's launch went: progress, the numbers that did not go out, retry just those. */
export default async function CalldogLaunchPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const user = await requireUser();
  const { campaignId } = await params;
  const campaign = /^[0-9a-f-]{36}$/i.test(campaignId) ? await findCampaign({ id: campaignId }) : undefined;
  if (campaign?.provider !== "calldog" || (campaign.ownerId !== user.id && user.role !== "admin")) notFound();
  const t = await getTranslations("calldogCampaign");
  return (
    <>
      <Link href={`/campaigns/calldog/${campaign.id}`} className="text-sm text-indigo-700 underline">
        ← {t("report.toCampaign", { name: campaign.name })}
      </Link>
      <PageHeader title={t("report.heading", { name: campaign.name })} />
      <LazyLaunchReport campaignId={campaign.id} />
    </>
  );
}
