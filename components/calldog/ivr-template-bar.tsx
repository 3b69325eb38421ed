"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useRussianPhone } from "@/components/calldog/use-ru-phone";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { getIvrTemplate, listIvrTemplateChoices, saveIvrTemplate } from "@/lib/actions/ivr-templates";
import { type IvrMenu, menuIsValid, validateMenu } from "@/lib/calldog/ivr-menu";
import { IVR_TEMPLATE_CHOICES_KEY } from "@/lib/calldog/ivr-template-choices-key";

/**
 * Load a saved menu into the builder (asking first when that replaces one), and, where the owner wants it
 * (the campaign wizard), save the current menu as a new named template.
 */
export function IvrTemplateBar({
  menu,
  onLoad,
  allowSave = false,
  idPrefix = "ivr-templates",
}: {
  menu: IvrMenu;
  onLoad: (menu: IvrMenu, name: string) => void;
  allowSave?: boolean;
  idPrefix?: string;
}) {
  const t = useTranslations("calldogIvr");
  const { toE164 } = useRussianPhone();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState("");
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string }>();

  const choices = useQuery({
    queryKey: IVR_TEMPLATE_CHOICES_KEY,
    queryFn: async () => {
      const result = await listIvrTemplateChoices({});
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
  });
  const load = useMutation({
    mutationFn: async (id: string) => {
      const result = await getIvrTemplate({ id });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    onSuccess: (template) => {
      onLoad(template.menu, template.name);
      setStatus({ tone: "ok", text: t("templateLoaded", { name: template.name }) });
    },
    onError: (error) => setStatus({ tone: "error", text: error.message }),
  });
  const save = useMutation({
    mutationFn: async () => {
      const result = await saveIvrTemplate({ name, menu });
      if (!result.ok) throw new Error(result.fieldErrors?.name ?? result.error);
      return result.data;
    },
    onSuccess: () => {
      setSaving(false);
      setStatus({ tone: "ok", text: t("templateSaved", { name: name.trim() }) });
      setName("");
      void queryClient.invalidateQueries({ queryKey: IVR_TEMPLATE_CHOICES_KEY });
    },
  });

  const requestLoad = () => {
    if (!chosen) return;
    if (menu.handlers.length > 0) setConfirming(true);
    else load.mutate(chosen);
  };
  const submitSave = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const options = choices.data ?? [];
  const chosenName = options.find((o) => o.id === chosen)?.name ?? "";

  return (
    <div className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <SelectField
        id={`${idPrefix}-choice`}
        name={`${idPrefix}-choice`}
        label={t("template")}
        className="min-w-64"
        value={chosen}
        disabled={choices.isPending || options.length === 0}
        onChange={(e) => setChosen(e.target.value)}
      >
        <option value="">{choices.isPending ? t("templatesLoading") : options.length === 0 ? t("templatesNone") : t("templateChoose")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <Button variant="secondary" onClick={requestLoad} disabled={!chosen || load.isPending}>
        {load.isPending ? t("templateLoading") : t("templateLoad")}
      </Button>
      {allowSave && (
        <Button variant="secondary" onClick={() => setSaving(true)} disabled={!menuIsValid(validateMenu(menu, toE164)) || menu.handlers.length === 0}>
          {t("saveAsTemplate")}
        </Button>
      )}
      <p aria-live="polite" className={status?.tone === "error" ? "text-sm text-red-700" : "text-sm text-emerald-800"}>
        {status?.text ?? (choices.isError ? choices.error.message : "")}
      </p>

      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t("replaceTitle")}>
        <p className="mb-6 text-sm text-slate-700">{t("replaceBody", { name: chosenName })}</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
          <Button
            onClick={() => {
              setConfirming(false);
              load.mutate(chosen);
            }}
          >
            {t("replace")}
          </Button>
        </div>
      </Dialog>
      {allowSave && (
        <Dialog open={saving} onClose={() => setSaving(false)} title={t("saveAsTemplate")}>
          <form onSubmit={submitSave} className="space-y-4">
            <TextField
              id={`${idPrefix}-name`}
              name="name"
              label={t("templateName")}
              value={name}
              maxLength={100}
              required
              error={save.isError ? save.error.message : undefined}
              onChange={(e) => setName(e.target.value)}
            />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setSaving(false)}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={save.isPending}>
                {t("save")}
              </Button>
            </div>
          </form>
        </Dialog>
      )}
    </div>
  );
}
