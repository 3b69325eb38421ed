"use client";

import { useTranslations } from "next-intl";
import { IvrBuilder } from "@/components/calldog/ivr-builder";
import { IvrMenuTree } from "@/components/calldog/ivr-menu-tree";
import { LazyIvrTemplateBar } from "@/components/calldog/lazy-ivr-template-bar";
import { useRussianPhone } from "@/components/calldog/use-ru-phone";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { IvrMenu, IvrRecordChoice } from "@/lib/calldog/ivr-menu";

/** The wizard's IVR step: load a template, edit with the builder, see the menu as callers meet it. No menu is fine. */
export function MenuStep({
  menu,
  onChange,
  records,
  pending,
  onNext,
  onBack,
}: {
  menu: IvrMenu;
  onChange: (menu: IvrMenu) => void;
  records: IvrRecordChoice[];
  pending: boolean;
  onNext: () => void;
  onBack: () => void;
}) {
  const t = useTranslations("calldogCampaign");
  const phone = useRussianPhone();
  const recordNames = Object.fromEntries(records.map((r) => [r.recordId, r.name]));
  return (
    // Not a <form>: the template bar has its own (saving a template), and forms do not nest.
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-xs" aria-labelledby="menu-step-title">
      <h2 id="menu-step-title" className="text-base font-semibold text-slate-900">
        {t("steps.menu")}
      </h2>
      <p className="text-sm text-slate-600">{t("menuHelp")}</p>
      <LazyIvrTemplateBar menu={menu} onLoad={(loaded) => onChange(loaded)} allowSave idPrefix="wizard-templates" />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <IvrBuilder value={menu} onChange={onChange} records={records} idPrefix="wizard-ivr" />
        <Card title={t("menuPreview")} className="self-start">
          <IvrMenuTree menu={menu} showPhone={phone.show} recordNames={recordNames} />
        </Card>
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onBack} disabled={pending}>
          {t("back")}
        </Button>
        <Button onClick={onNext} disabled={pending}>
          {t("next")}
        </Button>
      </div>
    </section>
  );
}
