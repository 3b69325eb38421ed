"use client";

import { useTranslations } from "next-intl";
import { NavLink } from "@/components/ui/nav-link";

const AREAS = [
  { href: "/", key: "overview", icon: "◎" },
  { href: "/campaigns", key: "campaigns", icon: "▶" },
  { href: "/lists", key: "lists", icon: "☰" },
  { href: "/audio", key: "audio", icon: "♪" },
  { href: "/calls", key: "calls", icon: "☎" },
  { href: "/dnc", key: "dnc", icon: "⊘" },
  { href: "/calldog", key: "calldog", icon: "☏" },
  { href: "/tasks", key: "tasks", icon: "◷" },
] as const;

/** `pendingApprovals`: launches waiting for an admin, counted beside Settings (admins only). */
export function Sidebar({ isAdmin, pendingApprovals = 0 }: { isAdmin: boolean; pendingApprovals?: number }) {
  const tNav = useTranslations("nav");
  const tApprovals = useTranslations("approvals");
  const tCalldog = useTranslations("calldogHub");
  // The Calldog entry's label lives with the Calldog messages.
  const t = (key: string) => (key === "calldog" ? tCalldog("title") : tNav(key as never));
  const items = isAdmin ? [...AREAS, { href: "/settings", key: "settings", icon: "⚙" } as const] : AREAS;
  return (
    <nav aria-label={t("mainMenu")} className="flex flex-row gap-1 overflow-x-auto md:flex-col">
      {items.map((item) => (
        <NavLink
          key={item.href}
          href={item.href}
          exact={item.href === "/"}
          className="flex items-center gap-3 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium"
          activeClassName="bg-indigo-50 text-indigo-800"
          inactiveClassName="text-slate-700 hover:bg-slate-100"
        >
          <span aria-hidden className="w-4 text-center text-slate-400">
            {item.icon}
          </span>
          {t(item.key)}
          {item.key === "settings" && pendingApprovals > 0 && (
            <span className="ml-auto rounded-full bg-amber-100 px-2 text-xs font-semibold text-amber-900" data-testid="nav-approvals" title={tApprovals("navCount", { n: pendingApprovals })}>
              <span aria-hidden>{pendingApprovals}</span>
              <span className="sr-only">{`, ${tApprovals("navCount", { n: pendingApprovals })}`}</span>
            </span>
          )}
        </NavLink>
      ))}
    </nav>
  );
}
