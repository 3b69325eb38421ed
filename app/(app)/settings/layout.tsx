import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requireUser } from "@/lib/auth/current-user";

/**
 * Settings are for administrators only; a manager gets the 403 page. Each page and action checks again.
 * Its client components get only the namespaces listed here (lib/i18n/client-namespaces.test.ts).
 */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requireUser("admin");
  const t = await getTranslations("settings");
  return (
    <ClientMessages namespaces={["approvals", "calldogAccount", "connections", "dialingPolicy", "errors", "nav", "settings", "ui", "users", "webhooks"]}>
      <div>
        <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
        <SettingsTabs />
        <div className="mt-6">{children}</div>
      </div>
    </ClientMessages>
  );
}
