import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces the Calldog pages' client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function CalldogLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["calldogErrors", "calldogVerify", "ui"]}>{children}</ClientMessages>;
}
