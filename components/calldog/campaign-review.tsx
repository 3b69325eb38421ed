"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { RecipientsSummary } from "@/components/calldog/campaign-wizard-steps";
import type { WizardChoices } from "@/components/calldog/campaign-wizard";
import { IvrMenuLines } from "@/components/calldog/ivr-menu-lines";
import { LazyTestCall } from "@/components/calldog/lazy-test-call";
import { LaunchFacts, TypedCount, typedNumber } from "@/components/dialing-policy/launch-facts";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { launchCalldogCampaign } from "@/lib/actions/calldog-campaigns";
import type { DraftView } from "@/lib/calldog/campaign-draft";
import { typedCountConfirms } from "@/lib/dialing/confirm";
import { DATE_TIME } from "@/lib/i18n/date-formats";

/**
 * The last step: everything chosen, in words, with a test call to the user's own number; then Launch with a
 * confirmation naming what will be dialed, what is held back, the window, the provider and the connection (over
 * 1,000 numbers the count typed). A manager's launch above the limit goes to an admin for approval instead.
 */
export function CampaignReview({ choices, draft, onDraft, onBack }: { choices: WizardChoices; draft: DraftView; onDraft: (draft: DraftView) => void; onBack: () => void }) {
  const t = useTranslations("calldogCampaign");
  const tg = useTranslations("launchGuard");
  const format = useFormatter();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [typed, setTyped] = useState("");
  const count = draft.recipients?.count ?? 0;
  const recordNames = Object.fromEntries(choices.records.map((r) => [r.recordId, r.name]));
  const m = draft.message;
  const s = draft.schedule;
  const w = draft.start.window;
  const startsAt = format.dateTime(new Date(draft.start.at), { ...DATE_TIME, timeZone: w.timeZone });
  const starts = draft.start.moved
    ? tg("startsMoved", { when: startsAt, zone: w.timeZone })
    : s?.mode === "at"
      ? tg("startsAt", { when: startsAt, zone: w.timeZone })
      : tg("now");
  const needsApproval = choices.approvalAbove !== null && count > choices.approvalAbove;
  const pending = draft.approval?.state === "pending";

  const launch = async () => {
    setBusy(true);
    setError(undefined);
    // The launch key was made with the draft: a second click or a retried request makes no second launch.
    const result = await launchCalldogCampaign({ campaignId: draft.campaignId, launchKey: draft.launchKey, confirmedCount: count, typedCount: typedNumber(typed) });
    if (!result.ok) {
      setBusy(false);
      setConfirming(false);
      return setError(result.error);
    }
    if (result.data.approval) {
      setBusy(false);
      setConfirming(false);
      return onDraft({ ...draft, approval: result.data.approval });
    }
    router.push(`/campaigns/calldog/${result.data.campaignId}`);
  };

  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-xs" aria-labelledby="review-title" data-testid="campaign-review">
      <h2 id="review-title" className="text-base font-semibold text-slate-900">
        {t("steps.review")}
      </h2>
      <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
        <Row label={t("steps.recipients")}>{draft.recipients && <RecipientsSummary recipients={draft.recipients} />}</Row>
        <Row label={t("steps.callerId")}>{draft.callerId?.mode === "phone" ? draft.callerIdLabel : t("callerId.duty")}</Row>
        <Row label={t("steps.message")}>
          {m?.kind === "record" && t("review.record", { name: recordNames[m.recordId] ?? m.name, id: m.recordId })}
          {m?.kind === "tts" && (
            <div className="space-y-1">
              <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">«{m.text}»</p>
              <p className="text-slate-600">{t("review.voice", { gender: t(`message.${m.gender}`), lang: m.lang })}</p>
            </div>
          )}
        </Row>
        <Row label={t("steps.menu")}>
          <IvrMenuLines lines={draft.menuLines} />
        </Row>
        <Row label={t("review.when")}>
          <span data-testid="review-when">{s?.mode === "at" || draft.start.moved ? starts : t("schedule.now")}</span>
        </Row>
        <Row label={tg("window")}>
          <span data-testid="review-window">{tg("windowValue", { from: w.from, to: w.to, zone: w.timeZone })}</span>
          {draft.start.moved && <p className="text-slate-600">{t("review.movedHelp")}</p>}
        </Row>
        <Row label={t("review.recording")}>{draft.needRecording ? t("review.recordingOn") : t("review.recordingOff")}</Row>
        <Row label={t("review.cost")}>
          {draft.ttsKopecks !== null ? t("review.ttsCost", { rub: format.number(draft.ttsKopecks / 100, { minimumFractionDigits: 2 }) }) : t("review.noTtsCost")}
          <p className="text-slate-600">{t("review.callsCost")}</p>
        </Row>
        <Row label={t("review.testCall")}>
          <LazyTestCall draft={draft} testPhone={choices.testPhone} onDraft={onDraft} />
        </Row>
      </dl>
      <Notice tone="info">{choices.webhooks ? t("review.webhooks") : t("review.polling")}</Notice>
      {pending && draft.approval && <Notice tone="info">{tg("approvalPending", { n: draft.approval.count })}</Notice>}
      {draft.approval?.state === "rejected" && <Notice tone="warning">{tg("approvalRejected", { reason: draft.approval.reason ?? "" })}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onBack}>
          {t("back")}
        </Button>
        <Button onClick={() => setConfirming(true)} disabled={count === 0 || busy || pending}>
          {t("launch")}
        </Button>
      </div>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t("confirmTitle")}>
        <div className="mb-6 space-y-4 text-sm text-slate-700">
          <p>{t("confirmMessage", { n: count, name: draft.name })}</p>
          <LaunchFacts
            count={count}
            heldBack={{ dnc: draft.recipients?.dncCount ?? 0, invalid: draft.recipients?.invalidCount ?? 0, duplicate: draft.recipients?.duplicates ?? 0 }}
            window={tg("windowValue", { from: w.from, to: w.to, zone: w.timeZone })}
            starts={starts}
            provider="Calldog"
            connection={choices.connection.name}
          />
          <TypedCount count={count} value={typed} onChange={setTyped} />
          {needsApproval && <Notice tone="info">{tg("approvalNeeded", { limit: choices.approvalAbove ?? 0 })}</Notice>}
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
          <Button onClick={() => void launch()} disabled={busy || !typedCountConfirms(count, typedNumber(typed))}>
            {busy ? t("launching") : needsApproval ? tg("askApproval") : t("confirmLaunch", { n: count })}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}
