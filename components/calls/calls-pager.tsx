"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function CallsPager({ page, pageCount, onPage }: { page: number; pageCount: number; onPage: (page: number) => void }) {
  const t = useTranslations("callsPage");
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between text-sm">
      <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("previous")}
      </Button>
      <span className="text-slate-600" aria-live="polite">
        {t("pageOf", { page, pages: pageCount })}
      </span>
      <Button size="sm" variant="secondary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        {t("next")}
      </Button>
    </nav>
  );
}
