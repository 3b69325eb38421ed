"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { IvrHandlerEditor } from "@/components/calldog/ivr-handler-editor";
import { useRussianPhone } from "@/components/calldog/use-ru-phone";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { emptyHandler, type IvrHandler, type IvrMenu, type IvrRecordChoice, menuIsValid, nextFreeDigit, validateMenu } from "@/lib/calldog/ivr-menu";

/**
 * The visual IVR menu editor, controlled: the wizard and the templates page own the menu (`value`) and get
 * every change (`onChange`). Problems are worked out here from the menu and shown next to what causes them;
 * the owner checks `menuIsValid(validateMenu(menu, toE164))` before it saves or launches.
 */
export function IvrBuilder({
  value,
  onChange,
  records = [],
  defaultWebhookUrl = "",
  idPrefix = "ivr",
}: {
  value: IvrMenu;
  onChange: (menu: IvrMenu) => void;
  /** The registry's records to offer for "play a record"; without any, a numeric id field. */
  records?: IvrRecordChoice[];
  /** Filled in when a webhook action is switched on (e.g. the app's own receiver). */
  defaultWebhookUrl?: string;
  /** Keeps ids unique when two builders share a page. */
  idPrefix?: string;
}) {
  const t = useTranslations("calldogIvr");
  const { toE164 } = useRussianPhone();
  const problems = useMemo(() => validateMenu(value, toE164), [value, toE164]);
  const free = nextFreeDigit(value);
  const [focusTarget, setFocusTarget] = useState<number | "add">();

  // Focus follows the keyboard user: to a new handler's key, or back to "Add a key" after a removal.
  useEffect(() => {
    if (focusTarget === undefined) return;
    document.getElementById(focusTarget === "add" ? `${idPrefix}-add` : `${idPrefix}-${focusTarget}-digit`)?.focus();
    setFocusTarget(undefined);
  }, [focusTarget, idPrefix]);

  const update = (index: number, handler: IvrHandler) => onChange({ handlers: value.handlers.map((h, i) => (i === index ? handler : h)) });
  const remove = (index: number) => {
    onChange({ handlers: value.handlers.filter((_, i) => i !== index) });
    setFocusTarget("add");
  };
  const add = () => {
    if (free === undefined) return;
    onChange({ handlers: [...value.handlers, emptyHandler(free)] });
    setFocusTarget(value.handlers.length);
  };

  const troubled = problems.filter((p) => p.length > 0).length;
  return (
    <div className="space-y-4">
      {value.handlers.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{t("emptyMenu")}</p>
      ) : (
        <ol className="space-y-4" aria-label={t("handlers")}>
          {value.handlers.map((handler, index) => (
            // Handlers have no identity of their own; index keys are safe because every input is controlled.
            <li key={index}>
              <IvrHandlerEditor
                id={`${idPrefix}-${index}`}
                position={index + 1}
                handler={handler}
                problems={problems[index] ?? []}
                records={records}
                defaultWebhookUrl={defaultWebhookUrl}
                onChange={(h) => update(index, h)}
                onRemove={() => remove(index)}
              />
            </li>
          ))}
        </ol>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button id={`${idPrefix}-add`} variant="secondary" onClick={add} disabled={free === undefined}>
          {t("addKey")}
        </Button>
        {free === undefined && <span className="text-sm text-slate-500">{t("allKeysUsed")}</span>}
      </div>
      <div aria-live="polite">
        {!menuIsValid(problems) && (
          <Notice tone="warning" className="text-sm">
            {t("problemCount", { count: troubled })}
          </Notice>
        )}
      </div>
    </div>
  );
}
