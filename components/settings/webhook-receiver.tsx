"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { lazyWithQuery } from "@/components/query/lazy-with-query";

// What it shows is read through React Query, fetched when the dialog first opens.
const ReceiverDetails = lazyWithQuery(() => import("@/components/settings/webhook-receiver-details").then((m) => m.ReceiverDetails));

/** A Calldog connection's webhook receiver, for admins: the URL to give Calldog, what arrived, and rotating the token. */
export function WebhookReceiverButton({ connection }: { connection: { id: string; name: string } }) {
  const t = useTranslations("webhooks");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        {t("open")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t("title", { name: connection.name })}>
        {open && <ReceiverDetails connectionId={connection.id} onClose={() => setOpen(false)} />}
      </Dialog>
    </>
  );
}
