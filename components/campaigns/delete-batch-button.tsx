"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Notice } from "@/components/ui/notice";
import { deleteCalldronBatch } from "@/lib/actions/calldron-batches";

/** Delete from the batch's own page (asked first, naming the batch); back to Campaigns afterwards. */
export function DeleteBatchButton({ connection, batch }: { connection: { id: string; name: string }; batch: { id: string; name: string } }) {
  const t = useTranslations("campaignsPage");
  const router = useRouter();
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-col items-end gap-2">
      <ConfirmButton
        variant="danger"
        label={t("delete")}
        title={t("confirmDeleteTitle")}
        message={t("confirmDelete", { name: batch.name, connection: connection.name })}
        confirmLabel={t("delete")}
        cancelLabel={t("cancel")}
        onConfirm={async () => {
          const result = await deleteCalldronBatch({ connectionId: connection.id, batchId: batch.id });
          if (result.ok) router.push(`/campaigns?deleted=${encodeURIComponent(batch.name)}`);
          else setError(result.error);
        }}
      />
      {error && <Notice tone="error">{error}</Notice>}
    </div>
  );
}
