import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces a Calldron list page's client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function CalldronListsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["audioPlayer", "errors", "launchGuard", "listPage", "listsPage", "runList", "tasks", "testCall", "ui"]}>{children}</ClientMessages>;
}
