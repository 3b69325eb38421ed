import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces the Calldog campaign and menu pages' client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function CalldogCampaignsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["audioPlayer", "calldogCampaign", "calldogIvr", "calldogResults", "callsPage", "errors", "launchGuard", "tasks", "testCall", "ui"]}>{children}</ClientMessages>;
}
