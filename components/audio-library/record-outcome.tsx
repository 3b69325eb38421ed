"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import type { RecordOutcome } from "@/lib/actions/calldog-records";

/** What came of a create or delete; a lost answer is said as such, never retried. */
export function RecordOutcomeNotice({ outcome, kind }: { outcome: RecordOutcome; kind: "create" | "delete" }) {
  const t = useTranslations("audioLibrary");
  const e = useTranslations("calldogErrors");
  if (outcome.outcome === "done") return <Notice tone="success">{t(kind === "create" ? "created" : "deleted")}</Notice>;
  return (
    <Notice tone={outcome.outcome === "unknown" ? "warning" : "error"}>
      {outcome.outcome === "unknown" ? t(kind === "create" ? "createUnknown" : "deleteUnknown") : e(outcome.failure.reason)}
      {outcome.failure.providerMessage && <span className="mt-1 block text-xs">{e("providerSaid", { message: outcome.failure.providerMessage })}</span>}
    </Notice>
  );
}
