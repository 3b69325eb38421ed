import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requireUser } from "@/lib/auth/current-user";

/** Settings are for administrators only; a manager gets the 403 page. Each page and action checks again. */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requireUser("admin");
  const t = await getTranslations("settings");
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
      <SettingsTabs />
      <div className="mt-6">{children}</div>
    </div>
  );
}
