import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces the campaign list's and the comparison's client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function CampaignsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["campaignCompare", "campaignsPage", "ui"]}>{children}</ClientMessages>;
}
