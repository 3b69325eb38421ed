"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useState } from "react";
import type { WizardChoices } from "@/components/calldog/campaign-wizard";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField, TimeField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { listCalldronListsForCampaign } from "@/lib/actions/calldog-campaigns";
import type { DraftView } from "@/lib/calldog/campaign-draft";
import type { IvrMenu } from "@/lib/calldog/ivr-menu";

/** What each step sends to the server (`saveCalldogCampaignStep` checks it with zod there). */
export type StepData =
  | { step: "recipients"; source: "one" | "paste" | "list" | "calldron"; text: string; listRef: string }
  | { step: "callerId"; callerId: { mode: "duty" } | { mode: "phone"; phone: string } }
  | { step: "message"; message: { kind: "record"; recordId: string; name: string } | { kind: "tts"; text: string; gender: "female" | "male"; lang: string } }
  | { step: "menu"; menu: IvrMenu }
  | { step: "schedule"; mode: "now" | "at"; local: string; timeZone: string; windowFrom: string; windowTo: string; needRecording: boolean };

type StepProps = { choices: WizardChoices; draft: DraftView | null; pending: boolean; onNext: (data: StepData) => void; onBack?: () => void };

const TEXT_MAX = 1024;

export function RecipientsStep({ choices, draft, pending, onNext }: StepProps) {
  const t = useTranslations("calldogCampaign");
  const r = draft?.recipients;
  const [source, setSource] = useState<"one" | "paste" | "list" | "calldron">((r?.source as "one") ?? "paste");
  const [text, setText] = useState(r?.text ?? "");
  const [listRef, setListRef] = useState(r?.listRef ?? "");
  const [calldronConnection, setCalldronConnection] = useState(r?.source === "calldron" ? (r.listRef.split(":")[0] ?? "") : "");
  const [calldronLists, setCalldronLists] = useState<{ ref: string; name: string }[] | null>(null);
  const [listError, setListError] = useState<string>();

  const pickCalldron = async (connectionId: string) => {
    setCalldronConnection(connectionId);
    setCalldronLists(null);
    setListError(undefined);
    if (!connectionId) return;
    const result = await listCalldronListsForCampaign({ connectionId });
    if (result.ok) setCalldronLists(result.data);
    else setListError(result.error);
  };

  return (
    <StepForm title={t("steps.recipients")} pending={pending} onSubmit={() => onNext({ step: "recipients", source, text, listRef })}>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("recipients.source")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["one", "paste", "list", "calldron"] as const).map((s) => (
            <label key={s} className="flex items-center gap-2">
              <input type="radio" name="source" value={s} checked={source === s} onChange={() => setSource(s)} />
              {t(`recipients.sources.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {source === "one" && (
        <TextField id="recipients-one" name="one" label={t("recipients.one")} value={text} onChange={(e) => setText(e.target.value)} inputMode="tel" className="max-w-xs" />
      )}
      {source === "paste" && (
        <TextAreaField id="recipients-paste" name="paste" label={t("recipients.paste")} help={t("recipients.pasteHelp")} rows={8} value={text} onChange={(e) => setText(e.target.value)} />
      )}
      {source === "list" && (
        <SelectField id="recipients-list" name="list" label={t("recipients.keptList")} value={listRef} onChange={(e) => setListRef(e.target.value)} className="max-w-md">
          <option value="">{t("choose")}</option>
          {choices.keptLists.map((l) => (
            <option key={l.id} value={l.id}>
              {t("recipients.listOption", { name: l.name, n: l.entries })}
            </option>
          ))}
        </SelectField>
      )}
      {source === "calldron" && (
        <div className="grid max-w-2xl gap-3 sm:grid-cols-2">
          <SelectField id="recipients-calldron" name="calldron" label={t("recipients.calldronConnection")} value={calldronConnection} onChange={(e) => void pickCalldron(e.target.value)}>
            <option value="">{t("choose")}</option>
            {choices.calldronConnections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="recipients-calldron-list" name="calldronList" label={t("recipients.calldronList")} value={listRef} onChange={(e) => setListRef(e.target.value)} error={listError}>
            <option value="">{calldronLists ? t("choose") : t("recipients.pickConnection")}</option>
            {(calldronLists ?? (r?.source === "calldron" ? [{ ref: r.listRef, name: r.listName }] : [])).map((l) => (
              <option key={l.ref} value={l.ref}>
                {l.name}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {r && <RecipientsSummary recipients={r} />}
    </StepForm>
  );
}

/** The last check's result: how many go out, and which numbers were held back and why. */
export function RecipientsSummary({ recipients: r }: { recipients: NonNullable<DraftView["recipients"]> }) {
  const t = useTranslations("calldogCampaign");
  return (
    <div className="space-y-2 text-sm" data-testid="recipients-summary">
      <p className="font-medium text-slate-900">{t("recipients.counts", { count: r.count, invalid: r.invalidCount, dnc: r.dncCount, duplicates: r.duplicates })}</p>
      {r.invalidCount > 0 && <HeldBack title={t("recipients.invalidTitle", { n: r.invalidCount })} items={r.invalid} more={r.invalidCount - r.invalid.length} testId="held-invalid" />}
      {r.dncCount > 0 && <HeldBack title={t("recipients.dncTitle", { n: r.dncCount })} items={r.dnc} more={r.dncCount - r.dnc.length} testId="held-dnc" />}
    </div>
  );
}

function HeldBack({ title, items, more, testId }: { title: string; items: string[]; more: number; testId: string }) {
  const t = useTranslations("calldogCampaign");
  return (
    <details className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2" data-testid={testId} open={items.length <= 10}>
      <summary className="cursor-pointer text-amber-900">{title}</summary>
      <ul className="mt-1 columns-2 font-mono text-xs text-slate-800 sm:columns-3">
        {items.map((p, i) => (
          <li key={`${i}:${p}`}>{p}</li>
        ))}
      </ul>
      {more > 0 && <p className="text-xs text-slate-600">{t("andMore", { n: more })}</p>}
    </details>
  );
}

export function CallerIdStep({ choices, draft, pending, onNext, onBack }: StepProps) {
  const t = useTranslations("calldogCampaign");
  const current = draft?.callerId;
  const [value, setValue] = useState(current?.mode === "phone" ? current.phone : "duty");
  return (
    <StepForm
      title={t("steps.callerId")}
      pending={pending}
      onBack={onBack}
      onSubmit={() => onNext({ step: "callerId", callerId: value === "duty" ? { mode: "duty" } : { mode: "phone", phone: value } })}
    >
      {choices.phones === null && <Notice tone="warning">{t("callerId.unreadable")}</Notice>}
      <SelectField id="caller-id" name="callerId" label={t("callerId.label")} value={value} onChange={(e) => setValue(e.target.value)} className="max-w-md" help={t("callerId.help")}>
        <option value="duty">{t("callerId.duty")}</option>
        {(choices.phones ?? []).map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </SelectField>
    </StepForm>
  );
}

export function MessageStep({ choices, draft, pending, onNext, onBack }: StepProps) {
  const t = useTranslations("calldogCampaign");
  const m = draft?.message;
  const [kind, setKind] = useState<"record" | "tts">(m?.kind ?? (choices.records.length > 0 ? "record" : "tts"));
  const [recordId, setRecordId] = useState(m?.kind === "record" ? m.recordId : "");
  const [text, setText] = useState(m?.kind === "tts" ? m.text : "");
  const [gender, setGender] = useState<"female" | "male">(m?.kind === "tts" ? m.gender : "female");
  const languages = choices.languages ?? ["ru-RU"];
  const [lang, setLang] = useState(m?.kind === "tts" ? m.lang : (languages[0] ?? "ru-RU"));
  const submit = () =>
    onNext({
      step: "message",
      message: kind === "record" ? { kind, recordId, name: choices.records.find((r) => r.recordId === recordId)?.name ?? "" } : { kind, text, gender, lang },
    });
  return (
    <StepForm title={t("steps.message")} pending={pending} onBack={onBack} onSubmit={submit}>
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("message.kind")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="kind" checked={kind === "record"} onChange={() => setKind("record")} />
          {t("message.record")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="kind" checked={kind === "tts"} onChange={() => setKind("tts")} />
          {t("message.tts")}
        </label>
      </fieldset>
      {kind === "record" ? (
        <SelectField id="message-record" name="record" label={t("message.recordLabel")} value={recordId} onChange={(e) => setRecordId(e.target.value)} className="max-w-md" help={t("message.moderation")}>
          <option value="">{t("choose")}</option>
          {choices.records.map((r) => (
            <option key={r.recordId} value={r.recordId}>
              {r.name} (#{r.recordId})
            </option>
          ))}
        </SelectField>
      ) : (
        <div className="space-y-3">
          <TextAreaField
            id="message-text"
            name="text"
            label={t("message.text")}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            help={t("message.textHelp", { n: text.length, max: TEXT_MAX })}
            error={text.length > TEXT_MAX ? t("message.textTooLong", { max: TEXT_MAX }) : undefined}
          />
          <div className="flex flex-wrap gap-3">
            <SelectField id="message-gender" name="gender" label={t("message.gender")} value={gender} onChange={(e) => setGender(e.target.value as "female" | "male")}>
              <option value="female">{t("message.female")}</option>
              <option value="male">{t("message.male")}</option>
            </SelectField>
            <SelectField id="message-lang" name="lang" label={t("message.lang")} value={lang} onChange={(e) => setLang(e.target.value)}>
              {languages.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </SelectField>
          </div>
          <Notice tone="info">{t("message.ttsCost")}</Notice>
        </div>
      )}
    </StepForm>
  );
}

/**
 * When, in which zone (for "now" too: the window is read on its clock) and within which daily window, by default the
 * organisation's; the server refuses a window outside the organisation's and marks both times.
 */
export function ScheduleStep({ choices, draft, pending, onNext, onBack, fieldErrors }: StepProps & { fieldErrors?: Record<string, string> }) {
  const t = useTranslations("calldogCampaign");
  const s = draft?.schedule;
  const org = choices.organisationWindow;
  const [mode, setMode] = useState<"now" | "at">(s?.mode ?? "now");
  const [local, setLocal] = useState(s?.mode === "at" ? s.local : "");
  const [timeZone, setTimeZone] = useState(s ? (draft?.start.window.timeZone ?? choices.defaultTimeZone) : choices.defaultTimeZone);
  const [windowFrom, setWindowFrom] = useState(s?.window?.from ?? org.from);
  const [windowTo, setWindowTo] = useState(s?.window?.to ?? org.to);
  const [needRecording, setNeedRecording] = useState(draft?.needRecording ?? false);
  return (
    <StepForm
      title={t("steps.schedule")}
      pending={pending}
      onBack={onBack}
      onSubmit={() => onNext({ step: "schedule", mode, local, timeZone, windowFrom, windowTo, needRecording })}
    >
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("schedule.when")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="when" checked={mode === "now"} onChange={() => setMode("now")} />
          {t("schedule.now")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="when" checked={mode === "at"} onChange={() => setMode("at")} />
          {t("schedule.at")}
        </label>
      </fieldset>
      <div className="flex flex-wrap items-start gap-3">
        {mode === "at" && (
          <TextField id="schedule-local" name="local" type="datetime-local" label={t("schedule.dateTime")} value={local} onChange={(e) => setLocal(e.target.value)} />
        )}
        <SelectField
          id="schedule-zone"
          name="timeZone"
          label={t("schedule.timeZone")}
          help={t("schedule.timeZoneHelp")}
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          className="max-w-sm"
        >
          {choices.timeZones.map((z) => (
            <option key={z.value} value={z.value}>
              {z.label}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("schedule.window")}</legend>
        <div className="flex flex-wrap items-start gap-3">
          <TimeField
            id="schedule-window-from"
            name="windowFrom"
            label={t("schedule.windowFrom")}
            value={windowFrom}
            onChange={(e) => setWindowFrom(e.target.value)}
            error={fieldErrors?.windowFrom}
            className="w-40"
          />
          <TimeField
            id="schedule-window-to"
            name="windowTo"
            label={t("schedule.windowTo")}
            value={windowTo}
            onChange={(e) => setWindowTo(e.target.value)}
            error={fieldErrors?.windowTo}
            className="w-40"
          />
        </div>
        <p className="text-xs text-slate-500">{t("schedule.windowHelp", { from: org.from, to: org.to })}</p>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="needRecording" checked={needRecording} onChange={(e) => setNeedRecording(e.target.checked)} />
        {t("schedule.record")}
      </label>
    </StepForm>
  );
}

/** A step's frame: its fields, Back and Next (Enter submits). */
export function StepForm({ title, children, pending, onSubmit, onBack }: { title: string; children: ReactNode; pending: boolean; onSubmit: () => void; onBack?: () => void }) {
  const t = useTranslations("calldogCampaign");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-xs" noValidate>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children}
      <div className="flex gap-2">
        {onBack && (
          <Button variant="secondary" onClick={onBack} disabled={pending}>
            {t("back")}
          </Button>
        )}
        <Button type="submit" disabled={pending}>
          {t("next")}
        </Button>
      </div>
    </form>
  );
}
