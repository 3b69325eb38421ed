"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { contactsQueryKey } from "@/lib/obzvonilka/contacts-query-key";
import { PhoneRows } from "@/components/obzvonilka/phone-rows";
import { invalidateQueries } from "@/components/query/shared-client";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionMessages } from "@/components/ui/use-action-messages";
import { loadPhoneLib } from "@/components/ui/use-phone";
import type { ActionResult } from "@/lib/actions/safe-action";
import { createObzvonilkaContact, updateObzvonilkaContact } from "@/lib/actions/obzvonilka-contacts";
import { type ContactFormValues, type ContactValues, contactPatch, type FormErrors, formValuesOf, type TextField as ContactTextField } from "@/lib/obzvonilka/contact-form";

type Props = { connectionId: string; baseId: number; readOnly?: boolean } & ({ mode: "create" } | { mode: "edit"; contactId: number; contact: ContactValues });

/** Every field of an Obzvonilka contact; an edit sends only what changed (lib/obzvonilka/contact-form.ts). */
export function ContactForm(props: Props) {
  const { connectionId, baseId, readOnly = false } = props;
  const t = useTranslations("obzvonilka.form");
  const router = useRouter();
  // What the provider holds as far as this form knows: the next save is compared with it.
  const [initial, setInitial] = useState<ContactValues>(() => (props.mode === "edit" ? props.contact : {}));
  const [values, setValues] = useState<ContactFormValues>(() => formValuesOf(initial));
  const [errors, setErrors] = useState<FormErrors>({});
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const server = useActionMessages()(result);

  const set = (field: ContactTextField) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const fieldError = (field: string) => (errors[field] ? t(`errors.${errors[field]}`) : server.fieldErrors?.[`input.${field}`]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setResult(null);
    const { toE164 } = await loadPhoneLib();
    const { input, errors: found } = contactPatch(initial, values, toE164);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (props.mode === "edit" && Object.keys(input).length === 0) {
      setSaved(0);
      return;
    }
    startTransition(async () => {
      const outcome =
        props.mode === "create"
          ? await createObzvonilkaContact({ connectionId, baseId, input })
          : await updateObzvonilkaContact({ connectionId, baseId, contactId: props.contactId, input });
      setResult(outcome);
      if (!outcome.ok) return;
      await invalidateQueries(contactsQueryKey(connectionId, baseId));
      if (props.mode === "create") router.push(`/lists/obzvonilka/${connectionId}/${baseId}/contacts/${outcome.data.contactId}?created=1`);
      else {
        setInitial((before) => ({ ...before, ...input }));
        setSaved(Object.keys(input).length);
        router.refresh();
      }
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={props.mode === "create" ? t("createTitle") : t("editTitle")}>
      <fieldset disabled={readOnly || pending} className="space-y-6">
        <div className="grid gap-4 md:grid-cols-2">
          <TextField label={t("name")} name="name" value={values.name} onChange={set("name")} error={fieldError("name")} maxLength={255} />
          <TextField label={t("externalCode")} name="external_code" value={values.external_code} onChange={set("external_code")} error={fieldError("external_code")} maxLength={255} />
          <TextField label={t("email")} name="email" type="email" value={values.email} onChange={set("email")} error={fieldError("email")} maxLength={255} />
          <TextField label={t("www")} name="www" value={values.www} onChange={set("www")} error={fieldError("www")} help={t("wwwHelp")} maxLength={255} />
          <TextField label={t("address")} name="address_string" value={values.address_string} onChange={set("address_string")} error={fieldError("address_string")} className="md:col-span-2" maxLength={255} />
          <TextAreaField label={t("description")} name="description" rows={3} value={values.description} onChange={set("description")} error={fieldError("description")} className="md:col-span-2" maxLength={4000} />
        </div>
        <PhoneRows rows={values.phones} onChange={(phones) => setValues((v) => ({ ...v, phones }))} errorOf={fieldError} />
      </fieldset>
      {errors._ && <Notice tone="error">{t(`errors.${errors._}`)}</Notice>}
      {server.error && <Notice tone="error">{server.error}</Notice>}
      {saved !== null && <Notice tone="success">{saved === 0 ? t("nothingChanged") : t("saved", { n: saved })}</Notice>}
      {!readOnly && (
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : props.mode === "create" ? t("create") : t("save")}
        </Button>
      )}
    </form>
  );
}
