"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";
import type { ImportTarget } from "@/lib/imports/target";

type ProviderChoice = { connectionId: string; connectionName: string; id: string; name: string };
export type TargetChoices = { calldron: ProviderChoice[]; obzvonilka: ProviderChoice[]; app: { id: string; name: string }[] };
export type TargetValue = { kind: string; choice: string };

const KINDS = ["calldron", "obzvonilka", "app", "dnc"] as const;

/** The chosen target as the action takes it, or undefined while a list or base is still to be chosen. */
export function targetFrom(value: TargetValue, choices: TargetChoices): ImportTarget | undefined {
  if (value.kind === "dnc") return { kind: "dnc" };
  if (value.kind === "app") return choices.app.some((l) => l.id === value.choice) ? { kind: "app", listId: value.choice } : undefined;
  const [connectionId, id] = value.choice.split("|");
  if (value.kind === "calldron") {
    const list = choices.calldron.find((l) => l.connectionId === connectionId && l.id === id);
    return list ? { kind: "calldron", connectionId: list.connectionId, listId: list.id, listName: list.name } : undefined;
  }
  const base = choices.obzvonilka.find((b) => b.connectionId === connectionId && b.id === id);
  return base ? { kind: "obzvonilka", connectionId: base.connectionId, baseId: Number(base.id), baseName: base.name } : undefined;
}

export function TargetPicker({ choices, value, onChange }: { choices: TargetChoices; value: TargetValue; onChange: (v: TargetValue) => void }) {
  const t = useTranslations("imports");
  const options =
    value.kind === "calldron"
      ? choices.calldron.map((l) => ({ value: `${l.connectionId}|${l.id}`, label: `${l.connectionName}: ${l.name}` }))
      : value.kind === "obzvonilka"
        ? choices.obzvonilka.map((b) => ({ value: `${b.connectionId}|${b.id}`, label: `${b.connectionName}: ${b.name}` }))
        : value.kind === "app"
          ? choices.app.map((l) => ({ value: l.id, label: l.name }))
          : [];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField label={t("targetKind")} name="targetKind" value={value.kind} onChange={(e) => onChange({ kind: e.target.value, choice: "" })}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`targets.${k}`)}
          </option>
        ))}
      </SelectField>
      {value.kind !== "dnc" && (
        <SelectField
          label={t(`targetChoice.${value.kind as "calldron"}`)}
          name="targetChoice"
          value={value.choice}
          onChange={(e) => onChange({ ...value, choice: e.target.value })}
          help={options.length === 0 ? t("noTargets") : undefined}
        >
          <option value="">{t("choose")}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      )}
    </div>
  );
}
