"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** The calls could not be read (the database is down, say): say so and offer to try again. */
export default function CallsError({ reset }: { reset: () => void }) {
  const t = useTranslations("callsView");
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <Notice tone="error">
        {t("loadFailed")}{" "}
        <Button variant="secondary" size="sm" onClick={reset}>
          {t("retry")}
        </Button>
      </Notice>
    </>
  );
}
