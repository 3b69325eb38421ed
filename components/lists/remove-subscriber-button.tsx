"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { removeCalldronSubscriber } from "@/lib/actions/calldron-lists";

export function RemoveSubscriberButton({ connectionId, listId, subscriberId, phone }: { connectionId: string; listId: string; subscriberId: string; phone: string }) {
  const t = useTranslations("listPage");
  const router = useRouter();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmButton
        label={t("remove")}
        title={t("removeTitle")}
        message={t("removeMessage", { phone })}
        confirmLabel={t("removeConfirm")}
        cancelLabel={t("cancel")}
        confirmVariant="danger"
        onConfirm={async () => {
          const result = await removeCalldronSubscriber({ connectionId, listId, subscriberId });
          if (result.ok) router.refresh();
          else setError(result.error);
        }}
      />
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
