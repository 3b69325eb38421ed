"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { VerificationOutcome } from "@/components/calldog/verification-outcome";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { loadPhoneLib, usePhoneLib } from "@/components/ui/use-phone";
import { requestPhoneVerification, type VerificationResult } from "@/lib/actions/calldog-verification";

type ConnectionOption = { id: string; name: string };

/** Number in any common format → normalised preview → confirmation (it makes a call) → the code. */
export function PhoneVerificationForm({ connections, initialConnectionId }: { connections: ConnectionOption[]; initialConnectionId?: string }) {
  const t = useTranslations("calldogVerify");
  const router = useRouter();
  const [connectionId, setConnectionId] = useState(initialConnectionId ?? connections[0]?.id ?? "");
  const [phone, setPhone] = useState("");
  const [touched, setTouched] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<VerificationResult>();
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> }>();

  const phoneLib = usePhoneLib();
  const e164 = phoneLib?.toE164(phone);
  const formatPhone = (value: string) => phoneLib?.formatPhone(value) ?? value;
  const phoneError = touched && phone.trim() !== "" && !e164 ? t("phoneInvalid") : (error?.fields?.phone ?? undefined);
  const connectionName = connections.find((c) => c.id === connectionId)?.name ?? "";

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // Sent in the page's first moments, before the parser has arrived: wait for it rather than call the number invalid.
    const { toE164 } = await loadPhoneLib();
    setTouched(true);
    if (!toE164(phone) || !connectionId) return;
    setConfirming(true);
  };

  const send = () => {
    setConfirming(false);
    startTransition(async () => {
      setError(undefined);
      setResult(undefined);
      const answer = await requestPhoneVerification({ connectionId, phone });
      if (answer.ok) {
        setResult(answer.data);
        router.refresh();
      } else setError({ message: answer.error, fields: answer.fieldErrors });
    });
  };

  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-[minmax(0,16rem)_minmax(0,18rem)_auto] md:items-start" noValidate>
        <SelectField label={t("connection")} name="connectionId" value={connectionId} onChange={(e) => setConnectionId(e.target.value)} error={error?.fields?.connectionId}>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t("phone")}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          onBlur={() => setTouched(true)}
          error={phoneError}
          help={e164 ? t("willCall", { phone: formatPhone(e164) }) : t("phoneHelp")}
        />
        <Button type="submit" disabled={pending} className="justify-self-start md:mt-6">
          {pending ? t("sending") : t("send")}
        </Button>
      </form>
      <div aria-live="polite">
        {pending && <p className="text-sm text-slate-600">{t("waiting")}</p>}
        {error && !error.fields && <Notice tone="error">{error.message}</Notice>}
        {result && <VerificationOutcome result={result} />}
      </div>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t("confirmTitle")}>
        <p className="mb-6 text-sm text-slate-700">{t("confirmBody", { phone: e164 ? formatPhone(e164) : phone, connection: connectionName })}</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
          <Button onClick={send}>{t("confirm")}</Button>
        </div>
      </Dialog>
    </div>
  );
}
