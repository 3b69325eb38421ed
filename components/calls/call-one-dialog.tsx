"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { BatchTestCall } from "@/components/campaigns/batch-test-call";
import { batchWindowText, LaunchFacts } from "@/components/dialing-policy/launch-facts";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { type CallOneResult, callOne, previewCallOne } from "@/lib/actions/calldron-calls";
import type { CallingWindow } from "@/lib/dialing/calling-window";

type Step = { kind: "enter"; error?: string } | { kind: "confirm"; phone: string; display: string } | { kind: "done"; tone: "success" | "warning" | "error"; message: string };

/** Type a number, see it normalised and screened, confirm naming the number and the batch (and the test call), then dial. */
export function CallOneDialog({
  connectionId,
  connectionName,
  batchId,
  batchName,
  batchWindow,
}: {
  connectionId: string;
  connectionName: string;
  batchId: string;
  batchName: string;
  batchWindow: CallingWindow | null;
}) {
  const t = useTranslations("callOne");
  const tg = useTranslations("launchGuard");
  const tt = useTranslations("testCall");
  const statusWord = useTranslations("callsPage.statuses");
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [step, setStep] = useState<Step>({ kind: "enter" });
  const [pending, startTransition] = useTransition();

  const close = () => {
    setOpen(false);
    setStep({ kind: "enter" });
    setTyped("");
  };

  const check = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await previewCallOne({ connectionId, batchId, phone: typed });
      if (!result.ok) return setStep({ kind: "enter", error: result.fieldErrors?.phone ?? result.error });
      const preview = result.data;
      if (preview.ok) return setStep({ kind: "confirm", phone: preview.phone, display: preview.display });
      if (preview.reason === "dnc") return setStep({ kind: "done", tone: "error", message: t("dnc", { phone: preview.display ?? typed }) });
      setStep({ kind: "enter", error: t("invalid") });
    });
  };

  const dial = (phone: string) => {
    startTransition(async () => {
      const result = await callOne({ connectionId, batchId, batchName, phone });
      await queryClient.invalidateQueries({ queryKey: ["calldron-calls", connectionId, batchId] });
      setStep(result.ok ? outcomeStep(t, result.data, (s) => (statusWord.has(s as never) ? statusWord(s as never) : s)) : { kind: "done", tone: "error", message: result.error });
    });
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("open")}</Button>
      <Dialog open={open} onClose={close} title={t("title")}>
        {step.kind === "enter" && (
          <form onSubmit={check} className="space-y-4" noValidate>
            <TextField
              label={t("phone")}
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              required
              autoFocus
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              help={t("phoneHelp")}
              error={step.error}
            />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={pending || typed.trim() === ""}>
                {pending ? t("checking") : t("next")}
              </Button>
            </div>
          </form>
        )}
        {step.kind === "confirm" && (
          <div className="space-y-6">
            <p className="text-sm text-slate-700">{t("confirmText", { phone: step.display, batch: batchName })}</p>
            {/* The same facts as every launch: a number on the do-not-call list or not a number never gets here. */}
            <LaunchFacts
              count={1}
              heldBack={{ dnc: 0, invalid: 0, duplicate: 0 }}
              window={batchWindow ? batchWindowText(tg, batchWindow) : tg("windowUnknown")}
              provider="Calldron"
              connection={connectionName}
            />
            <section aria-label={tt("title")} className="space-y-1 border-t border-slate-200 pt-3">
              <h3 className="text-sm font-medium text-slate-900">{tt("title")}</h3>
              <BatchTestCall connectionId={connectionId} batchId={batchId} />
            </section>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setStep({ kind: "enter" })} disabled={pending}>
                {t("back")}
              </Button>
              <Button onClick={() => dial(step.phone)} disabled={pending}>
                {pending ? t("calling") : t("confirm")}
              </Button>
            </div>
          </div>
        )}
        {step.kind === "done" && (
          <div className="space-y-6">
            <Notice tone={step.tone}>{step.message}</Notice>
            <div className="flex justify-end">
              <Button onClick={close}>{t("close")}</Button>
            </div>
          </div>
        )}
      </Dialog>
    </>
  );
}

function outcomeStep(t: ReturnType<typeof useTranslations<"callOne">>, result: CallOneResult, statusWord: (status: string) => string): Step {
  if (result.status === "invalid_phone") return { kind: "enter", error: t("invalid") };
  const phone = result.display;
  switch (result.status) {
    case "placed":
      return { kind: "done", tone: "success", message: t("outcomes.placed", { phone }) };
    case "placed_after_lookup":
      return { kind: "done", tone: "success", message: t("outcomes.placed_after_lookup", { phone, status: statusWord(result.callStatus) }) };
    case "unknown":
      return { kind: "done", tone: "warning", message: t(result.lookupFailed ? "outcomes.unknownLookupFailed" : "outcomes.unknown", { phone }) };
    case "held_back":
      return { kind: "done", tone: "error", message: t("dnc", { phone }) };
    case "refused":
      return {
        kind: "done",
        tone: "error",
        message:
          result.reason === "rate_limited" && result.retryAfterSeconds
            ? t("refused.rate_limited_after", { seconds: result.retryAfterSeconds })
            : t(`refused.${result.reason}`),
      };
  }
}
