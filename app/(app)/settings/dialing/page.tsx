import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DialingPolicyForm } from "@/components/dialing-policy/dialing-policy-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { readDialingPolicy } from "@/lib/db/queries/org-settings";
import { DATE_TIME } from "@/lib/i18n/date-formats";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dialingPolicy"))("title") };
}

export default async function DialingPolicyPage() {
  await requireUser("admin");
  const t = await getTranslations("dialingPolicy");
  const format = await getFormatter();
  const policy = await readDialingPolicy();
  return (
    <Card title={t("title")}>
      <p className="mb-2 text-sm text-slate-600">{t("intro")}</p>
      <p className="mb-5 text-sm text-slate-500" data-testid="policy-changed">
        {policy.updatedAt ? t("lastChanged", { when: format.dateTime(policy.updatedAt, DATE_TIME) }) : t("neverChanged")}
      </p>
      <DialingPolicyForm policy={{ callingWindowFrom: policy.callingWindowFrom, callingWindowTo: policy.callingWindowTo, managerLaunchLimit: policy.managerLaunchLimit }} />
    </Card>
  );
}
