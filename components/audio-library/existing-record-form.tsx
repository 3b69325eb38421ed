"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionMessages } from "@/components/ui/use-action-messages";
import { addExistingCalldogRecord } from "@/lib/actions/calldog-records";

/** A record made in Calldog's own panel, added to the registry by its id. */
export function ExistingRecordForm({ connectionId }: { connectionId: string }) {
  const t = useTranslations("audioLibrary");
  const router = useRouter();
  const uid = useId();
  const messages = useActionMessages();
  const [pending, startTransition] = useTransition();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<{ message?: string; fields?: Record<string, string> }>();
  const [formKey, setFormKey] = useState(0);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      setError(undefined);
      setDone(false);
      const answer = await addExistingCalldogRecord({ connectionId, name: String(form.get("name") ?? ""), recordId: String(form.get("recordId") ?? "") });
      if (!answer.ok) {
        const said = messages(answer);
        return setError({ message: said.fieldErrors ? undefined : said.error, fields: said.fieldErrors });
      }
      setDone(true);
      setFormKey((k) => k + 1);
      router.refresh();
    });
  };

  return (
    <form key={formKey} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)_auto] sm:items-start" noValidate aria-label={t("existing")}>
      <TextField label={t("recordId")} id={`${uid}-recordId`} name="recordId" inputMode="numeric" error={error?.fields?.recordId} />
      <TextField label={t("recordName")} id={`${uid}-name`} name="name" maxLength={100} error={error?.fields?.name} />
      <Button type="submit" disabled={pending} className="justify-self-start sm:mt-6">
        {t("addExisting")}
      </Button>
      <div aria-live="polite" className="sm:col-span-3">
        {error?.message && <Notice tone="error">{error.message}</Notice>}
        {done && <Notice tone="success">{t("added")}</Notice>}
      </div>
    </form>
  );
}
