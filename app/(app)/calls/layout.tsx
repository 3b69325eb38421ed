import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces the Calls page's client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function CallsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["audioPlayer", "callsView", "connections"]}>{children}</ClientMessages>;
}
