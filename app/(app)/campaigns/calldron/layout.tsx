import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces the Calldron batch pages' client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function CalldronBatchesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["audioPlayer", "audioUpload", "batchForm", "callOne", "callsPage", "campaignsPage", "connections", "errors", "launchGuard", "runList", "tasks", "testCall", "ui"]}>{children}</ClientMessages>;
}
