import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection as dynamicRequest } from "next/server";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";
import { z } from "zod";
import { IvrMenuTree } from "@/components/calldog/ivr-menu-tree";
import { DATE_TIME } from "@/lib/i18n/date-formats";
import { showRussianPhone } from "@/lib/phone-ru";
import { LazyCampaignResults } from "@/components/calldog-campaigns/lazy-campaign-results";
import { CampaignStateBadge } from "@/components/calldog-campaigns/campaign-state-badge";
import { CampaignCallExports } from "@/components/calls/campaign-call-exports";
import { Card } from "@/components/ui/card";
import { LazyLaunchReport } from "@/components/calldog/lazy-launch-report";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { type CampaignMessage, readCampaignSettings } from "@/lib/calldog/campaign-summary";
import { findCampaign } from "@/lib/db/queries/campaign-results";
import { listCalldogRecordChoices } from "@/lib/db/queries/calldog-records";
import { formatPhone } from "@/lib/phone-format";

type Params = { campaignId: string };

async function load(campaignId: string) {
  const id = z.uuid().safeParse(campaignId);
  if (!id.success) return undefined;
  const campaign = await findCampaign({ id: id.data });
  return campaign?.provider === "calldog" && campaign.connectionProvider === "calldog" ? campaign : undefined;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  await dynamicRequest();
  const campaign = await load((await params).campaignId);
  return { title: campaign?.name ?? (await getTranslations("calldogResults"))("title") };
}

/** One Calldog campaign: what was launched (message, caller id, menu, schedule), its launch's progress, and its live results. */
export default async function CalldogCampaignPage({ params }: { params: Promise<Params> }) {
  await requireUser();
  const campaign = await load((await params).campaignId);
  if (!campaign) notFound();
  const t = await getTranslations("calldogResults");
  const tg = await getTranslations("launchGuard");
  const format = await getFormatter();
  const settings = readCampaignSettings(campaign.settings);
  const records = await listCalldogRecordChoices({ connectionId: campaign.connectionId });
  const recordNames = Object.fromEntries(records.map((r) => [r.recordId, r.name]));
  // Launched and created on the user's own clock (next-intl's zone), named, since the planned start beside them is on
  // the campaign's.
  const yourZone = await getTimeZone();
  const when = (date: Date | null | undefined) => (date ? t("atZone", { when: format.dateTime(date, DATE_TIME), zone: yourZone }) : "—");
  const plannedAt = campaign.plannedAt ?? settings.plannedAt ?? null;
  // The planned start on the campaign's own clock, with its zone: the window it was moved into is read there too.
  const zone = campaign.timeZone;
  const plannedWhen = plannedAt ? format.dateTime(plannedAt, { ...DATE_TIME, timeZone: zone }) : null;

  return (
    <>
      <Link href="/campaigns" className="mb-2 inline-block text-sm text-indigo-700 underline">
        {t("back")}
      </Link>
      <PageHeader
        title={campaign.name}
        actions={<CampaignCallExports campaignId={campaign.id} />}
      >
        <span className="inline-flex flex-wrap items-center gap-2">
          <span>
            {t("connection")}: {campaign.connectionName}
          </span>
          <CampaignStateBadge state={campaign.state} />
        </span>
      </PageHeader>
      <div className="space-y-6">
        {campaign.launchTaskId && (
          <Card title={t("launch")}>
            <LazyLaunchReport campaignId={campaign.id} />
          </Card>
        )}
        <Card title={t("settings")}>
          <div className="grid gap-6 lg:grid-cols-2">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm" data-testid="campaign-facts">
              <dt className="text-slate-500">{t("plannedAt")}</dt>
              <dd data-testid="campaign-planned">
                {plannedWhen ? tg(settings.startMoved ? "startsMoved" : "startsAt", { when: plannedWhen, zone }) : t("now")}
              </dd>
              {settings.window && (
                <>
                  <dt className="text-slate-500">{tg("window")}</dt>
                  <dd data-testid="campaign-window">{tg("windowValue", { from: settings.window.from, to: settings.window.to, zone })}</dd>
                </>
              )}
              <dt className="text-slate-500">{t("launchedAt")}</dt>
              <dd data-testid="campaign-launched">{when(campaign.launchedAt)}</dd>
              <dt className="text-slate-500">{t("createdAt")}</dt>
              <dd data-testid="campaign-created">{when(campaign.createdAt)}</dd>
              <dt className="text-slate-500">{t("message")}</dt>
              <dd className="[overflow-wrap:anywhere]">{describeMessage(t, settings.message, recordNames)}</dd>
              <dt className="text-slate-500">{t("callerId")}</dt>
              <dd>{settings.callerId === undefined ? "—" : settings.callerId === null ? t("randomCaller") : formatPhone(settings.callerId)}</dd>
              <dt className="text-slate-500">{t("recording")}</dt>
              <dd>{settings.record === undefined ? "—" : settings.record ? t("recordingOn") : t("recordingOff")}</dd>
            </dl>
            <div>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("menu")}</h3>
              {settings.menu ? <IvrMenuTree menu={settings.menu} showPhone={showRussianPhone} recordNames={recordNames} /> : <p className="text-sm text-slate-600">{t("noMenu")}</p>}
            </div>
          </div>
        </Card>
        <LazyCampaignResults campaignId={campaign.id} />
      </div>
    </>
  );
}

function describeMessage(t: Awaited<ReturnType<typeof getTranslations<"calldogResults">>>, message: CampaignMessage | undefined, names: Record<string, string>): string {
  if (!message) return "—";
  if (message.kind === "record") {
    const name = message.name ?? names[message.recordId];
    return name ? t("messageRecordNamed", { name, id: message.recordId }) : t("messageRecord", { id: message.recordId });
  }
  return t("messageText", { text: message.text });
}
