"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { type IvrParameter, webhookParametersJson } from "@/lib/calldog/ivr-menu";

const input =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30";

/** Key/value rows that become the `webhookParameters` JSON, shown as it will be sent. */
export function IvrParametersEditor({
  id,
  parameters,
  error,
  onChange,
}: {
  id: string;
  parameters: IvrParameter[];
  error?: string;
  onChange: (parameters: IvrParameter[]) => void;
}) {
  const t = useTranslations("calldogIvr");
  const setRow = (index: number, patch: Partial<IvrParameter>) => onChange(parameters.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  const add = () => {
    onChange([...parameters, { key: "", value: "" }]);
    // The new row's name field takes the focus once it exists.
    requestAnimationFrame(() => document.getElementById(`${id}-${parameters.length}-key`)?.focus());
  };
  const remove = (index: number) => {
    onChange(parameters.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById(`${id}-add`)?.focus());
  };
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : `${id}-json`}>
      <legend className="text-sm font-medium text-slate-700">{t("parameters")}</legend>
      {parameters.length === 0 && <p className="text-xs text-slate-500">{t("parametersNone")}</p>}
      {parameters.map((p, index) => (
        // Rows have no identity of their own; every input is controlled.
        <div key={index} className="grid grid-cols-[1fr_1fr_auto] items-center gap-2">
          <input
            id={`${id}-${index}-key`}
            className={input}
            aria-label={t("parameterName", { n: index + 1 })}
            placeholder={t("parameterNamePlaceholder")}
            value={p.key}
            onChange={(e) => setRow(index, { key: e.target.value })}
          />
          <input
            id={`${id}-${index}-value`}
            className={input}
            aria-label={t("parameterValue", { n: index + 1 })}
            placeholder={t("parameterValuePlaceholder")}
            value={p.value}
            onChange={(e) => setRow(index, { value: e.target.value })}
          />
          <Button variant="ghost" size="sm" onClick={() => remove(index)} aria-label={t("removeParameter", { n: index + 1 })}>
            ✕
          </Button>
        </div>
      ))}
      <Button id={`${id}-add`} variant="secondary" size="sm" onClick={add}>
        {t("addParameter")}
      </Button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : (
        parameters.length > 0 && (
          <p id={`${id}-json`} className="text-xs text-slate-500">
            {t("parametersJson")} <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-slate-800" data-testid="webhook-parameters-json">{webhookParametersJson(parameters)}</code>
          </p>
        )
      )}
    </fieldset>
  );
}
