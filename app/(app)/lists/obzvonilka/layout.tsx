import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces the Obzvonilka base pages' client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function ObzvonilkaBasesLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["connections", "errors", "obzvonilka", "providerData", "ui"]}>{children}</ClientMessages>;
}
