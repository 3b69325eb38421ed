import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces the list pages' client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function ListsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["contactLists", "errors", "listsPage", "tasks", "ui"]}>{children}</ClientMessages>;
}
