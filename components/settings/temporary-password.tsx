"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export function TemporaryPassword({ email, password, onDone }: { email: string; password: string; onDone: () => void }) {
  const t = useTranslations("users");
  return (
    <div className="space-y-4">
      <p className="text-sm font-medium">{t("temporaryPassword", { email })}</p>
      <output data-testid="temporary-password" className="block rounded-md bg-slate-100 px-3 py-2 font-mono text-lg select-all">
        {password}
      </output>
      <Notice tone="warning">{t("temporaryPasswordHint")}</Notice>
      <div className="flex justify-end">
        <Button onClick={onDone}>{t("close")}</Button>
      </div>
    </div>
  );
}
