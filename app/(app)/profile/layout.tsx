import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces the Profile page's client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function ProfileLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["errors", "locale", "nav", "profile", "testPhone"]}>{children}</ClientMessages>;
}
