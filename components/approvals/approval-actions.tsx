"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { approveLaunch, rejectLaunch } from "@/lib/actions/launch-approvals";

/** Approve (which starts the launch) or reject with a reason the manager reads. */
export function ApprovalActions({ id, title }: { id: string; title: string }) {
  const t = useTranslations("approvals");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();

  // The row leaves the waiting table when the page renders again, so the page itself says what was done.
  const done = (what: "approved" | "rejected") => {
    router.replace(`/settings/approvals?done=${what}`);
    router.refresh();
  };
  const approve = async () => {
    setBusy(true);
    const result = await approveLaunch({ id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    done("approved");
  };
  const reject = async () => {
    setBusy(true);
    const result = await rejectLaunch({ id, reason });
    setBusy(false);
    if (!result.ok) return setError(result.fieldErrors?.reason ?? result.error);
    setRejecting(false);
    done("rejected");
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button onClick={() => void approve()} disabled={busy} aria-label={`${t("approve")}: ${title}`}>
        {t("approve")}
      </Button>
      <Button variant="secondary" onClick={() => setRejecting(true)} disabled={busy} aria-label={`${t("reject")} ${title}`}>
        {t("reject")}
      </Button>
      {error && <Notice tone="error">{error}</Notice>}
      <Dialog open={rejecting} onClose={() => setRejecting(false)} title={t("rejectTitle")}>
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{title}</p>
          <TextField id={`reject-reason-${id}`} name="reason" label={t("reason")} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setRejecting(false)}>
              {t("cancel")}
            </Button>
            <Button onClick={() => void reject()} disabled={busy || reason.trim() === ""}>
              {t("confirmReject")}
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
