"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { createConnection, editConnection } from "@/lib/actions/connections";
import type { Provider } from "@/lib/db/schema";
import { DEFAULT_BASE_URLS, PROVIDER_LABELS, PROVIDERS } from "@/lib/providers/catalog";

export type ConnectionRow = {
  id: string;
  name: string;
  provider: Provider;
  baseUrl: string;
  apiKeyLast4: string;
  lastTestAt: string | null;
  lastTestResult: string | null;
};

/** Add or edit a connection. The key is write-only: on edit an empty field keeps the stored key. */
export function ConnectionForm({ existing, onDone, onCancel }: { existing?: ConnectionRow; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("connections");
  const [provider, setProvider] = useState<Provider | "">(existing?.provider ?? "");
  const [baseUrl, setBaseUrl] = useState(existing?.baseUrl ?? "");
  const form = useActionForm<{ id: string }>((data) => (existing ? editConnection(data) : createConnection(data)), onDone);
  const fe = form.fieldErrors;

  return (
    <form noValidate className="space-y-4" onSubmit={form.onSubmit}>
      {form.error && <Notice tone="error">{form.error}</Notice>}
      {existing && <input type="hidden" name="id" value={existing.id} />}
      <TextField label={t("name")} name="name" defaultValue={existing?.name} help={t("nameHelp")} required autoFocus error={fe?.name} />
      {existing ? (
        <p className="text-sm">
          <span className="font-medium text-slate-700">{t("provider")}:</span> {PROVIDER_LABELS[existing.provider]}
        </p>
      ) : (
        <SelectField
          label={t("provider")}
          name="provider"
          value={provider}
          required
          error={fe?.provider}
          onChange={(e) => {
            const next = e.target.value as Provider | "";
            // Follow the provider with the default URL unless the admin typed their own.
            const isDefault = !baseUrl || Object.values(DEFAULT_BASE_URLS).includes(baseUrl);
            if (next && isDefault) setBaseUrl(DEFAULT_BASE_URLS[next]);
            setProvider(next);
          }}
        >
          <option value="">{t("choose")}</option>
          {PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {PROVIDER_LABELS[p]}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label={t("baseUrl")}
        name="baseUrl"
        type="url"
        value={baseUrl}
        onChange={(e) => setBaseUrl(e.target.value)}
        help={t("baseUrlHelp")}
        required
        error={fe?.baseUrl}
      />
      <TextField
        label={t("apiKey")}
        name="apiKey"
        type="password"
        autoComplete="off"
        required={!existing}
        help={existing ? t("apiKeyEditHelp", { last4: existing.apiKeyLast4 }) : t("apiKeyHelp")}
        error={fe?.apiKey}
      />
      <FormActions cancelLabel={t("cancel")} submitLabel={t("save")} onCancel={onCancel} pending={form.pending} />
    </form>
  );
}
