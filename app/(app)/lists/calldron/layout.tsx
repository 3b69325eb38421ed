import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { QueryProvider } from "@/components/query-provider";

/** The message namespaces a Calldron list page's client components use (lib/i18n/client-namespaces.test.ts checks the list), and React Query for their task progress. */
export default function CalldronListsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["errors", "launchGuard", "listPage", "listsPage", "runList", "tasks", "ui"]}><QueryProvider>{children}</QueryProvider></ClientMessages>;
}
