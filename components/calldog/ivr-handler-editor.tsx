"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { IvrParametersEditor } from "@/components/calldog/ivr-parameters-editor";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SelectField, TextField } from "@/components/ui/field";
import { IVR_DIGITS, type IvrField, type IvrHandler, type IvrProblem, type IvrRecordChoice, NO_KEY, smsLength } from "@/lib/calldog/ivr-menu";
import { CALLDOG_SMS_MAX } from "@/lib/providers/calldog/limits";

const OTHER_RECORD = "__other";

type Props = {
  id: string;
  position: number;
  handler: IvrHandler;
  problems: IvrProblem[];
  records: IvrRecordChoice[];
  defaultWebhookUrl: string;
  onChange: (handler: IvrHandler) => void;
  onRemove: () => void;
};

/** One key of the menu: which key, which actions, each action's fields, and what is wrong with them. */
export function IvrHandlerEditor({ id, position, handler, problems, records, defaultWebhookUrl, onChange, onRemove }: Props) {
  const t = useTranslations("calldogIvr");
  const set = (patch: Partial<IvrHandler>) => onChange({ ...handler, ...patch });
  const label = handler.digit === NO_KEY ? t("noKey") : t("keyLabel", { digit: handler.digit });
  const message = (field: IvrField) =>
    problems
      .filter((p) => p.field === field)
      .map((p) => t(`problems.${p.code}`, { ...p.values, digit: handler.digit === NO_KEY ? t("noKey") : handler.digit }))
      .join(" ") || undefined;
  const bad = problems.length > 0;

  return (
    <fieldset
      className={cn("rounded-lg border bg-white p-4", bad ? "border-amber-400" : "border-slate-200")}
      data-testid={`ivr-handler-${position}`}
    >
      <legend className="px-1 text-sm font-semibold text-slate-900">
        {label}
        {handler.digit === NO_KEY && <span className="ml-2 font-normal text-slate-500">{t("noKeyHelp")}</span>}
      </legend>
      <div className="flex flex-wrap items-start gap-3">
        <SelectField
          id={`${id}-digit`}
          name={`${id}-digit`}
          label={t("keyPressed")}
          className="w-72"
          value={handler.digit}
          error={message("digit")}
          onChange={(e) => set({ digit: e.target.value as IvrHandler["digit"] })}
        >
          {IVR_DIGITS.map((d) => (
            <option key={d || "none"} value={d}>
              {d === NO_KEY ? t("noKeyOption") : d}
            </option>
          ))}
        </SelectField>
        <Button variant="ghost" size="sm" className="mt-6 ml-auto text-red-700" onClick={onRemove} aria-label={t("removeKey", { label })}>
          {t("remove")}
        </Button>
      </div>

      <fieldset className="mt-4 space-y-3" aria-describedby={message("actions") ? `${id}-actions-error` : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("actions")}</legend>

        <Action id={`${id}-play`} label={t("actionPlay")} checked={handler.play !== null} onToggle={(on) => set({ play: on ? { recordId: records[0]?.recordId ?? "" } : null })}>
          {handler.play && <RecordPicker id={id} value={handler.play.recordId} records={records} error={message("play")} onChange={(recordId) => set({ play: { recordId } })} />}
        </Action>

        <Action id={`${id}-transfer`} label={t("actionTransfer")} checked={handler.transfer !== null} onToggle={(on) => set({ transfer: on ? { phone: "" } : null })}>
          {handler.transfer && (
            <TextField
              id={`${id}-transfer-phone`}
              name={`${id}-transfer-phone`}
              label={t("managerPhone")}
              type="tel"
              inputMode="tel"
              className="max-w-xs"
              value={handler.transfer.phone}
              help={t("managerPhoneHelp")}
              error={message("transfer")}
              onChange={(e) => set({ transfer: { phone: e.target.value } })}
            />
          )}
        </Action>

        <Action id={`${id}-sms`} label={t("actionSms")} checked={handler.sms !== null} onToggle={(on) => set({ sms: on ? { text: "" } : null })}>
          {handler.sms && <SmsField id={id} text={handler.sms.text} error={message("sms")} onChange={(text) => set({ sms: { text } })} />}
        </Action>

        <Action id={`${id}-blacklist`} label={t("actionBlacklist")} checked={handler.blacklist} onToggle={(on) => set({ blacklist: on })}>
          {handler.blacklist && <p className="text-xs text-slate-500">{t("blacklistHelp")}</p>}
        </Action>

        <Action
          id={`${id}-webhook`}
          label={t("actionWebhook")}
          checked={handler.webhook !== null}
          onToggle={(on) => set({ webhook: on ? { url: defaultWebhookUrl, parameters: [] } : null })}
        >
          {handler.webhook && (
            <div className="space-y-3">
              <TextField
                id={`${id}-webhook-url`}
                name={`${id}-webhook-url`}
                label={t("webhookUrl")}
                type="url"
                className="max-w-xl"
                value={handler.webhook.url}
                help={t("webhookUrlHelp")}
                error={message("webhookUrl")}
                onChange={(e) => set({ webhook: { url: e.target.value, parameters: handler.webhook?.parameters ?? [] } })}
              />
              <IvrParametersEditor
                id={`${id}-params`}
                parameters={handler.webhook.parameters}
                error={message("webhookParameters")}
                onChange={(parameters) => set({ webhook: { url: handler.webhook?.url ?? "", parameters } })}
              />
            </div>
          )}
        </Action>

        <Action id={`${id}-keywords`} label={t("actionKeyWords")} checked={handler.keyWords !== null} onToggle={(on) => set({ keyWords: on ? { text: "" } : null })}>
          {handler.keyWords && (
            <TextField
              id={`${id}-keywords-text`}
              name={`${id}-keywords-text`}
              label={t("keyWords")}
              className="max-w-xl"
              value={handler.keyWords.text}
              help={t("keyWordsHelp")}
              error={message("keyWords")}
              onChange={(e) => set({ keyWords: { text: e.target.value } })}
            />
          )}
        </Action>
      </fieldset>
      {message("actions") && (
        <p id={`${id}-actions-error`} role="alert" className="mt-3 text-sm text-red-600">
          {message("actions")}
        </p>
      )}
    </fieldset>
  );
}

function Action({ id, label, checked, onToggle, children }: { id: string; label: string; checked: boolean; onToggle: (on: boolean) => void; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="flex w-fit cursor-pointer items-center gap-2 text-sm text-slate-800">
        <input id={id} type="checkbox" className="size-4 accent-indigo-600" checked={checked} onChange={(e) => onToggle(e.target.checked)} />
        {label}
      </label>
      {checked && <div className="mt-2 ml-6">{children}</div>}
    </div>
  );
}

function RecordPicker({ id, value, records, error, onChange }: { id: string; value: string; records: IvrRecordChoice[]; error?: string; onChange: (recordId: string) => void }) {
  const t = useTranslations("calldogIvr");
  const known = records.some((r) => r.recordId === value);
  const idField = (
    <TextField
      id={`${id}-record-id`}
      name={`${id}-record-id`}
      label={t("recordId")}
      inputMode="numeric"
      className="max-w-xs"
      value={value}
      help={t("recordIdHelp")}
      error={error}
      onChange={(e) => onChange(e.target.value.replace(/\s/g, ""))}
    />
  );
  if (records.length === 0) return idField;
  const groups = [...new Set(records.map((r) => r.group ?? ""))];
  return (
    <div className="space-y-2">
      <SelectField
        id={`${id}-record`}
        name={`${id}-record`}
        label={t("record")}
        className="max-w-md"
        value={known ? value : OTHER_RECORD}
        error={known ? error : undefined}
        onChange={(e) => onChange(e.target.value === OTHER_RECORD ? "" : e.target.value)}
      >
        {groups.map((group) => {
          const options = records
            .filter((r) => (r.group ?? "") === group)
            .map((r) => (
              <option key={`${group}:${r.recordId}`} value={r.recordId}>
                {r.name} (#{r.recordId})
              </option>
            ));
          return group ? (
            <optgroup key={group} label={group}>
              {options}
            </optgroup>
          ) : (
            options
          );
        })}
        <option value={OTHER_RECORD}>{t("otherRecord")}</option>
      </SelectField>
      {!known && idField}
    </div>
  );
}

function SmsField({ id, text, error, onChange }: { id: string; text: string; error?: string; onChange: (text: string) => void }) {
  const t = useTranslations("calldogIvr");
  const length = smsLength(text);
  const over = length > CALLDOG_SMS_MAX;
  const fieldId = `${id}-sms-text`;
  return (
    <div className="max-w-xl space-y-1">
      <label htmlFor={fieldId} className="block text-sm font-medium text-slate-700">
        {t("smsText")}
      </label>
      <textarea
        id={fieldId}
        rows={2}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${fieldId}-count${error ? ` ${fieldId}-error` : ""}`}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-xs focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 aria-invalid:border-red-500"
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${fieldId}-count`} className={cn("text-xs", over ? "font-semibold text-red-600" : "text-slate-500")} data-testid="sms-counter">
        {t("smsCounter", { length, max: CALLDOG_SMS_MAX })}
      </p>
      {error && (
        <p id={`${fieldId}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
