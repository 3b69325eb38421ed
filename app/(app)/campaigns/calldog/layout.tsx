import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { QueryProvider } from "@/components/query-provider";

/** The message namespaces the Calldog campaign and menu pages' client components use (lib/i18n/client-namespaces.test.ts checks the list), and React Query for their task progress. */
export default function CalldogCampaignsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["audioPlayer", "calldogCampaign", "calldogIvr", "calldogResults", "callsPage", "errors", "launchGuard", "tasks", "testCall", "ui"]}><QueryProvider>{children}</QueryProvider></ClientMessages>;
}
