"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const AREAS = [
  { href: "/", key: "overview", icon: "◎" },
  { href: "/campaigns", key: "campaigns", icon: "▶" },
  { href: "/lists", key: "lists", icon: "☰" },
  { href: "/audio", key: "audio", icon: "♪" },
  { href: "/calls", key: "calls", icon: "☎" },
  { href: "/dnc", key: "dnc", icon: "⊘" },
] as const;

export function Sidebar({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const items = isAdmin ? [...AREAS, { href: "/settings", key: "settings", icon: "⚙" } as const] : AREAS;
  return (
    <nav aria-label={t("mainMenu")} className="flex flex-row gap-1 overflow-x-auto md:flex-col">
      {items.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium",
              active ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            <span aria-hidden className="w-4 text-center text-slate-400">
              {item.icon}
            </span>
            {t(item.key)}
          </Link>
        );
      })}
    </nav>
  );
}
