"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { AllCallsRow } from "@/components/calls/all-calls-table";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { callDetail } from "@/lib/actions/calls-view";

type Detail = { providerCallId: string | null; rawStatus: string | null; updatedAt: string; raw: string };

/** One call's fields and the provider's raw data, read when the dialog opens. */
export function CallDetailDialog({ call, onClose }: { call: AllCallsRow | null; onClose: () => void }) {
  const t = useTranslations("callsView");
  const [detail, setDetail] = useState<{ id: string; data?: Detail; failed?: boolean } | null>(null);
  useEffect(() => {
    if (!call) return;
    let live = true;
    setDetail({ id: call.id });
    void callDetail({ id: call.id })
      .then((result) => live && setDetail(result.ok ? { id: call.id, data: result.data } : { id: call.id, failed: true }))
      .catch(() => live && setDetail({ id: call.id, failed: true }));
    return () => {
      live = false;
    };
  }, [call]);
  const fields: [string, string | null][] = call
    ? [
        [t("fields.connection"), call.connection],
        [t("fields.providerCallId"), call.providerCallId],
        [t("fields.rawStatus"), call.rawStatus],
        [t("fields.dialedAt"), call.dialedAt],
        [t("fields.answeredAt"), call.answeredAt],
        [t("fields.endedAt"), call.endedAt],
        [t("columns.ivr"), call.ivr],
        [t("fields.ivrAction"), call.ivrAction],
      ]
    : [];
  return (
    <Dialog open={call !== null} onClose={onClose} title={call ? t("detailsOf", { phone: call.phoneDisplay }) : ""}>
      {call && (
        <div className="space-y-4" data-testid="call-detail">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("columns.provider")}</dt>
            <dd>
              {call.provider} · {call.campaign ?? t("noCampaign")}
            </dd>
            <dt className="text-slate-500">{t("columns.status")}</dt>
            <dd>{call.statusLabel}</dd>
            {fields.map(([label, value]) => (
              <DetailField key={label} label={label} value={value} />
            ))}
          </dl>
          <div>
            <h3 className="mb-1 text-sm font-medium text-slate-700">{t("rawData")}</h3>
            {detail?.failed ? (
              <Notice tone="error">{t("detailFailed")}</Notice>
            ) : detail?.data && detail.id === call.id ? (
              <pre className="max-h-72 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100" data-testid="call-raw">
                {detail.data.raw}
              </pre>
            ) : (
              <p role="status" className="animate-pulse text-sm text-slate-600">
                {t("detailLoading")}
              </p>
            )}
          </div>
          <div className="flex justify-end">
            <Button variant="secondary" onClick={onClose}>
              {t("close")}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

function DetailField({ label, value }: { label: string; value: string | null }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-all">{value ?? "—"}</dd>
    </>
  );
}
