import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces the do-not-call page's client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function DncLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dnc", "errors", "ui"]}>{children}</ClientMessages>;
}
