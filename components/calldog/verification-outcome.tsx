"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import { usePhoneFormat } from "@/components/ui/use-phone";
import type { VerificationResult } from "@/lib/actions/calldog-verification";

/** What the last check gave: the code, or why there is none. */
export function VerificationOutcome({ result }: { result: VerificationResult }) {
  const t = useTranslations("calldogVerify");
  const tErrors = useTranslations("calldogErrors");
  const phone = usePhoneFormat()(result.phone);
  if (result.outcome === "sent") {
    return (
      <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-5" data-testid="verification-code">
        <p className="text-sm text-emerald-900">{t("sent", { phone })}</p>
        {result.code ? (
          <p className="mt-2 text-emerald-950">
            {t("codeLabel")} <span className="font-mono text-4xl font-semibold tracking-widest">{result.code}</span>
          </p>
        ) : (
          <p className="mt-2 text-sm text-emerald-900">{t("noCode")}</p>
        )}
        <p className="mt-2 text-xs text-emerald-800">{t("codeHelp")}</p>
      </div>
    );
  }
  if (result.outcome === "held_back") return <Notice tone="warning">{t("heldBack", { phone })}</Notice>;
  const reason = tErrors(result.failure.reason);
  const detail = result.failure.providerMessage ? ` ${tErrors("providerSaid", { message: result.failure.providerMessage })}` : "";
  return result.outcome === "unknown" ? (
    <Notice tone="warning">{t("unknown", { phone, reason })}</Notice>
  ) : (
    <Notice tone="error">
      {t("failed", { phone, reason })}
      {detail}
    </Notice>
  );
}
