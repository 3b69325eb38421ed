import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Namespace } from "@/lib/i18n/messages";
import { pickNamespaces } from "@/lib/i18n/pick-namespaces";

/**
 * Hands the client components below it only these message namespaces (a provider replaces the one above it,
 * it does not add to it). Every page's HTML carries what its client components may translate, so a layout
 * (or a page) lists exactly what its own client components use; lib/i18n/client-namespaces.test.ts reads
 * the source and fails when a client component uses a namespace that its page's provider does not list.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const messages = pickNamespaces(await getMessages(), namespaces);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
