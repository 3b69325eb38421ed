"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { removeIvrTemplate } from "@/lib/actions/ivr-templates";

export function IvrTemplateDeleteButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("calldogIvr");
  const router = useRouter();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmButton
        variant="danger"
        label={t("delete")}
        title={t("deleteTitle")}
        message={t("deleteBody", { name })}
        confirmLabel={t("delete")}
        cancelLabel={t("cancel")}
        onConfirm={async () => {
          const result = await removeIvrTemplate({ id });
          if (result.ok) router.refresh();
          else setError(result.error);
        }}
      />
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
