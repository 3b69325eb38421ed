"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { LazyAudioUpload as AudioUpload } from "@/components/audio/lazy-audio-upload";
import { ChoiceField } from "@/components/campaigns/choice-field";
import { TimeZoneField } from "@/components/campaigns/time-zone-field";
import { Button } from "@/components/ui/button";
import { TextField, TimeField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { BatchFormValues } from "@/lib/campaigns/batch-form-values";
import { BATCH_LIMITS } from "@/lib/campaigns/batch-limits";
import { createCalldronBatch, editCalldronBatch } from "@/lib/actions/calldron-batches";


/**
 * Every field Calldron documents for a batch, each with a label and one line of help. Checked on the server;
 * what was typed stays in place next to the messages. `batchId` makes it an edit.
 */
export function BatchForm({
  connectionId,
  batchId,
  initial,
  introName,
  cancelHref,
}: {
  connectionId: string;
  batchId?: string;
  initial: BatchFormValues;
  /** The current intro's name, on edit. */
  introName?: string | null;
  cancelHref: string;
}) {
  const t = useTranslations("batchForm");
  const router = useRouter();
  const form = useActionForm<{ id: string; connectionId: string; recovered?: boolean }>(
    (data) => (batchId ? editCalldronBatch(data) : createCalldronBatch(data)),
    (done) => {
      const outcome = batchId ? "saved" : done.recovered ? "recovered" : "created";
      router.push(`/campaigns/calldron/${done.connectionId}/${encodeURIComponent(done.id)}?done=${outcome}`);
    },
  );
  const fe = form.fieldErrors;
  const { attempts, callDelaySeconds: delay, timeoutBeforeIntroCallback: introTimeout } = BATCH_LIMITS;

  return (
    <form noValidate onSubmit={form.onSubmit} className="space-y-6" aria-busy={form.pending}>
      {form.error && <Notice tone="error">{form.error}</Notice>}
      <input type="hidden" name="connectionId" value={connectionId} />
      {batchId && <input type="hidden" name="batchId" value={batchId} />}

      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t("name")} name="name" defaultValue={initial.name} help={t("nameHelp")} error={fe?.name} required autoFocus maxLength={BATCH_LIMITS.nameMax} />
        <TextField label={t("description")} name="description" defaultValue={initial.description} help={t("descriptionHelp")} error={fe?.description} />
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <ChoiceField
          legend={t("type")}
          help={t("typeHelp")}
          name="type"
          defaultValue={initial.type}
          error={fe?.type}
          options={(["batch", "instant", "callback"] as const).map((v) => ({ value: v, label: t(`types.${v}`) }))}
        />
        <ChoiceField
          legend={t("confirmation")}
          help={t("confirmationHelp")}
          name="confirmation"
          defaultValue={initial.confirmation}
          error={fe?.confirmation}
          options={(["dtmf", "timeout"] as const).map((v) => ({ value: v, label: t(`confirmations.${v}`) }))}
        />
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <TimeField label={t("timeFrom")} name="timeFrom" defaultValue={initial.timeFrom} help={t("windowHelp")} error={fe?.timeFrom} required />
        <TimeField label={t("timeTo")} name="timeTo" defaultValue={initial.timeTo} error={fe?.timeTo} required />
        <TimeZoneField label={t("timeZone")} help={t("timeZoneHelp")} error={fe?.timeZone} defaultValue={initial.timeZone} />
      </div>

      <div className="grid gap-4 md:grid-cols-3">
        <TextField label={t("attempts")} name="attempts" type="number" inputMode="numeric" min={attempts.min} max={attempts.max} defaultValue={initial.attempts} help={t("attemptsHelp", attempts)} error={fe?.attempts} required />
        <TextField label={t("callDelay")} name="callDelaySeconds" type="number" inputMode="numeric" min={delay.min} max={delay.max} defaultValue={initial.callDelaySeconds} help={t("callDelayHelp", delay)} error={fe?.callDelaySeconds} required />
        <TextField
          label={t("introTimeout")}
          name="timeoutBeforeIntroCallback"
          type="number"
          inputMode="numeric"
          min={introTimeout.min}
          max={introTimeout.max}
          defaultValue={initial.timeoutBeforeIntroCallback}
          help={t("introTimeoutHelp", introTimeout)}
          error={fe?.timeoutBeforeIntroCallback}
        />
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <TextField label={t("callback")} name="callback" type="tel" autoComplete="off" defaultValue={initial.callback} help={t("callbackHelp")} error={fe?.callback} />
        <TextField label={t("from")} name="from" type="tel" autoComplete="off" defaultValue={initial.from} help={t("fromHelp")} error={fe?.from} />
      </div>

      <AudioUpload
        name="audioId"
        purpose="calldron-intro"
        label={t("intro")}
        help={batchId ? (introName ? t("introKeep", { name: introName }) : t("introKeepUnknown")) : t("introHelp")}
        error={fe?.audioId}
      />

      <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
        <Link href={cancelHref} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          {t("cancel")}
        </Link>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("saving") : batchId ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
