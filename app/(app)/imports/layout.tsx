import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces the import pages' client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function ImportsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["errors", "imports", "tasks", "ui"]}>{children}</ClientMessages>;
}
