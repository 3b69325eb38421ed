"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useActionMessages } from "@/components/ui/use-action-messages";
import type { ActionResult } from "@/lib/actions/safe-action";
import { findObzvonilkaContactByCode } from "@/lib/actions/obzvonilka-contacts";

/** Obzvonilka's own lookup by external code: opens the contact, or says there is none. */
export function FindByCode({ connectionId, baseId }: { connectionId: string; baseId: number }) {
  const t = useTranslations("obzvonilka.find");
  const router = useRouter();
  const [code, setCode] = useState("");
  const [result, setResult] = useState<ActionResult<{ contactId: number } | null> | null>(null);
  const [pending, startTransition] = useTransition();
  const messages = useActionMessages()(result);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const outcome = await findObzvonilkaContactByCode({ connectionId, baseId, code });
      setResult(outcome);
      if (outcome.ok && outcome.data) router.push(`/lists/obzvonilka/${connectionId}/${baseId}/contacts/${outcome.data.contactId}`);
    });
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" aria-label={t("title")}>
      <TextField
        label={t("code")}
        name="code"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={messages.fieldErrors?.code ?? messages.error}
        help={result?.ok && result.data === null ? undefined : t("help")}
        className="w-72"
        required
        maxLength={255}
      />
      <Button type="submit" variant="secondary" className="mt-6" disabled={pending}>
        {pending ? t("finding") : t("find")}
      </Button>
      {result?.ok && result.data === null && (
        <p role="status" className="mt-8 text-sm text-slate-700">
          {t("none", { code })}
        </p>
      )}
    </form>
  );
}
