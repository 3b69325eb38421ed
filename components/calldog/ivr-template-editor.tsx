"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { IvrBuilder } from "@/components/calldog/ivr-builder";
import { IvrMenuTree } from "@/components/calldog/ivr-menu-tree";
import { LazyIvrTemplateBar } from "@/components/calldog/lazy-ivr-template-bar";
import { loadRussianPhone, useRussianPhone } from "@/components/calldog/use-ru-phone";
import { invalidateQueries } from "@/components/query/shared-client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { saveIvrTemplate } from "@/lib/actions/ivr-templates";
import { EMPTY_MENU, type IvrMenu, type IvrRecordChoice, menuIsValid, validateMenu } from "@/lib/calldog/ivr-menu";
import { IVR_TEMPLATE_CHOICES_KEY } from "@/lib/calldog/ivr-template-choices-key";

export const MENUS_PATH = "/campaigns/calldog/menus";

/** Create or edit one saved menu: its name, the builder, and a preview of what callers will meet. */
export function IvrTemplateEditor({ template, records }: { template?: { id: string; name: string; menu: IvrMenu }; records: IvrRecordChoice[] }) {
  const t = useTranslations("calldogIvr");
  const router = useRouter();
  const phone = useRussianPhone();
  const [name, setName] = useState(template?.name ?? "");
  const [menu, setMenu] = useState<IvrMenu>(template?.menu ?? EMPTY_MENU);
  const [error, setError] = useState<{ text: string; name?: string }>();
  const [pending, startTransition] = useTransition();
  const recordNames = Object.fromEntries(records.map((r) => [r.recordId, r.name]));

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (menu.handlers.length === 0) return setError({ text: t("emptyNotSaved") });
    if (!menuIsValid(validateMenu(menu, (await loadRussianPhone()).toE164))) return setError({ text: t("fixBeforeSaving") });
    startTransition(async () => {
      const result = await saveIvrTemplate({ id: template?.id, name, menu });
      if (!result.ok) return setError({ text: result.error, name: result.fieldErrors?.name });
      await invalidateQueries(IVR_TEMPLATE_CHOICES_KEY);
      router.push(`${MENUS_PATH}?saved=${encodeURIComponent(name.trim())}`);
      router.refresh();
    });
  };

  return (
    <div className="space-y-6">
      <form onSubmit={(event) => void save(event)} className="flex flex-wrap items-end gap-3" noValidate>
        <TextField
          id="ivr-template-name"
          name="name"
          label={t("templateName")}
          className="w-full max-w-md"
          value={name}
          maxLength={100}
          error={error?.name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Link href={MENUS_PATH} className="px-2 py-2 text-sm text-slate-700 underline">
          {t("cancel")}
        </Link>
      </form>
      {error && !error.name && <Notice tone="error">{error.text}</Notice>}
      <LazyIvrTemplateBar menu={menu} onLoad={(loaded) => setMenu(loaded)} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <IvrBuilder value={menu} onChange={setMenu} records={records} />
        <Card title={t("preview")} className="self-start xl:sticky xl:top-4">
          <IvrMenuTree menu={menu} showPhone={phone.show} recordNames={recordNames} />
        </Card>
      </div>
      <div className="flex justify-end">
        <Button onClick={() => void save()} disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </div>
  );
}
