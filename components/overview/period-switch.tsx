import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";
import { PERIODS, type Period } from "@/lib/overview/period";

/** Today / 7 days / 30 days, as links: the period lives in the address. */
export async function PeriodSwitch({ current }: { current: Period }) {
  const t = await getTranslations("overviewResults");
  return (
    <nav aria-label={t("period")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
      {PERIODS.map((p) => (
        <Link
          key={p}
          href={p === "today" ? "/" : `/?period=${p}`}
          aria-current={p === current ? "page" : undefined}
          className={cn(
            "rounded px-3 py-1.5 font-medium focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600",
            p === current ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          {t(`periods.${p}`)}
        </Link>
      ))}
    </nav>
  );
}
