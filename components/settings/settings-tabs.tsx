"use client";

import { useTranslations } from "next-intl";
import { NavLink } from "@/components/ui/nav-link";

const TABS = [
  { href: "/settings/users", key: "users" },
  { href: "/settings/connections", key: "connections" },
  { href: "/settings/dialing", key: "dialingPolicy" },
  { href: "/settings/approvals", key: "approvals" },
  { href: "/settings/audit", key: "audit" },
] as const;

export function SettingsTabs() {
  const t = useTranslations("settings");
  return (
    <nav aria-label={t("title")} className="flex gap-1 border-b border-slate-200">
      {TABS.map((tab) => (
        <NavLink
          key={tab.href}
          href={tab.href}
          className="-mb-px border-b-2 px-4 py-2 text-sm font-medium"
          activeClassName="border-indigo-600 text-indigo-700"
          inactiveClassName="border-transparent text-slate-600 hover:text-slate-900"
        >
          {t(tab.key)}
        </NavLink>
      ))}
    </nav>
  );
}
