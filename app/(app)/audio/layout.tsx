import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The message namespaces the audio library's client components use (lib/i18n/client-namespaces.test.ts checks the list). */
export default function AudioLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["audioLibrary", "audioPlayer", "audioUpload", "calldogErrors", "errors", "ui"]}>{children}</ClientMessages>;
}
