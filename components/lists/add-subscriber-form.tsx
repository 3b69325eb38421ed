"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { addCalldronSubscriber } from "@/lib/actions/calldron-lists";

/** One number into the list: normalised and screened against the do-not-call list on the server. */
export function AddSubscriberForm({ connectionId, listId }: { connectionId: string; listId: string }) {
  const t = useTranslations("listPage");
  const router = useRouter();
  const form = useActionForm(addCalldronSubscriber, (_data, element) => {
    element.reset();
    router.refresh();
  });
  const done = form.state?.ok ? form.state.data : undefined;
  return (
    <form noValidate onSubmit={form.onSubmit} className="space-y-2" aria-label={t("addOneTitle")}>
      <input type="hidden" name="connectionId" value={connectionId} />
      <input type="hidden" name="listId" value={listId} />
      <div className="flex flex-wrap gap-2">
        <TextField
          label={t("phone")}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          required
          className="min-w-64 flex-1"
          help={t("phoneHelp")}
          error={form.fieldErrors?.phone}
          onChange={() => form.state && form.reset()}
        />
        <Button type="submit" disabled={form.pending} className="mt-6 self-start">
          {form.pending ? t("adding") : t("addOne")}
        </Button>
      </div>
      {form.error && !form.fieldErrors?.phone && <Notice tone="error">{form.error}</Notice>}
      {done && <Notice tone="success">{t(done.already ? "alreadyInList" : "addedOne", { phone: done.phone })}</Notice>}
    </form>
  );
}
