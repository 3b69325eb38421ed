import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CampaignWizard, type WizardChoices } from "@/components/calldog/campaign-wizard";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, userRowById } from "@/lib/auth/current-user";
import { readCalldog } from "@/lib/calldog/account-read";
import { type DraftView, toDraftView } from "@/lib/calldog/campaign-draft";
import { recordChoicesForBuilder } from "@/lib/calldog/record-choices";
import { findCampaign } from "@/lib/db/queries/campaign-launch";
import { findConnection, listConnectionSummaries } from "@/lib/db/queries/connections";
import { listContactLists } from "@/lib/db/queries/contact-lists";
import { readDialingPolicy } from "@/lib/db/queries/org-settings";
import { env } from "@/lib/env";
import { DEFAULT_TIME_ZONE, isTimeZone, timeZoneOptions } from "@/lib/i18n/time-zones";
import { formatPhone } from "@/lib/phone-format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calldogCampaign"))("title") };
}

/** The Calldog campaign wizard for one connection; `campaign` reopens a saved draft (after a reload). */
export default async function NewCalldogCampaignPage({ searchParams }: { searchParams: Promise<{ connection?: string; campaign?: string }> }) {
  const user = await requireUser();
  const t = await getTranslations("calldogCampaign");
  const query = await searchParams;
  const connectionId = typeof query.connection === "string" && /^[0-9a-f-]{36}$/i.test(query.connection) ? query.connection : undefined;
  const connection = connectionId ? await findConnection({ id: connectionId }) : undefined;
  if (connection?.provider !== "calldog") notFound();

  let initial: DraftView | null = null;
  if (typeof query.campaign === "string" && /^[0-9a-f-]{36}$/i.test(query.campaign)) {
    const campaign = await findCampaign({ id: query.campaign });
    if (!campaign || campaign.connectionId !== connection.id || (campaign.ownerId !== user.id && user.role !== "admin")) notFound();
    if (campaign.state !== "draft") redirect(`/campaigns/calldog/${campaign.id}`);
    initial = await toDraftView(campaign);
  }

  const [phones, languages, records, keptLists, connections, policy, profile] = await Promise.all([
    readCalldog(connection, (client) => client.getPhones()),
    readCalldog(connection, (client) => client.getAvailableLanguages()),
    recordChoicesForBuilder({ connectionId: connection.id }),
    listContactLists(),
    listConnectionSummaries(),
    readDialingPolicy(),
    userRowById(user.id),
  ]);
  const choices: WizardChoices = {
    connection: { id: connection.id, name: connection.name },
    phones: phones.ok ? phones.data.map((p) => ({ value: p.phone, label: formatPhone(p.phone) })) : null,
    languages: languages.ok ? languages.data : null,
    records,
    keptLists: keptLists.map((l) => ({ id: l.id, name: l.name, entries: l.entries })),
    calldronConnections: connections.filter((c) => c.provider === "calldron").map((c) => ({ id: c.id, name: c.name })),
    timeZones: timeZoneOptions(await getLocale()).map(({ value, label }) => ({ value, label })),
    defaultTimeZone: isTimeZone(user.timeZone) ? user.timeZone : DEFAULT_TIME_ZONE,
    organisationWindow: { from: policy.callingWindowFrom, to: policy.callingWindowTo },
    webhooks: Boolean(env().APP_PUBLIC_URL),
    approvalAbove: user.role === "admin" ? null : policy.managerLaunchLimit,
    testPhone: profile?.testPhone ? formatPhone(profile.testPhone) : null,
  };
  return (
    <>
      <Link href="/campaigns" className="text-sm text-indigo-700 underline">
        ← {t("backToCampaigns")}
      </Link>
      <PageHeader title={t("title")}>{t("intro", { connection: connection.name })}</PageHeader>
      {!phones.ok && <Notice tone="warning">{t("calldogUnreadable")}</Notice>}
      <CampaignWizard choices={choices} initial={initial} />
    </>
  );
}
