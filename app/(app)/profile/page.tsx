import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { TestPhoneForm } from "@/components/profile/test-phone-form";
import { TimeZoneForm } from "@/components/profile/time-zone-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, userRowById } from "@/lib/auth/current-user";
import { DEFAULT_TIME_ZONE, isTimeZone, timeZoneOptions } from "@/lib/i18n/time-zones";
import { formatPhone } from "@/lib/phone-format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage() {
  const user = await requireUser();
  const t = await getTranslations();
  const locale = await getLocale();
  const testPhone = (await userRowById(user.id))?.testPhone;
  return (
    <>
      <PageHeader title={t("profile.title")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("profile.account")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-500">{t("users.email")}</dt>
            <dd>{user.email}</dd>
            <dt className="text-slate-500">{t("users.name")}</dt>
            <dd>{user.name || "—"}</dd>
            <dt className="text-slate-500">{t("profile.role")}</dt>
            <dd>{t(`nav.roles.${user.role}`)}</dd>
            <dt className="text-slate-500">{t("profile.language")}</dt>
            <dd>
              <LocaleSwitch />
            </dd>
          </dl>
        </Card>
        <Card title={t("profile.timeZoneTitle")}>
          <TimeZoneForm current={isTimeZone(user.timeZone) ? user.timeZone : DEFAULT_TIME_ZONE} options={timeZoneOptions(locale)} />
        </Card>
        <Card title={t("testPhone.title")}>
          <TestPhoneForm current={testPhone ? formatPhone(testPhone) : ""} />
        </Card>
        <Card title={t("profile.changePassword")}>
          <ChangePasswordForm />
        </Card>
      </div>
    </>
  );
}
