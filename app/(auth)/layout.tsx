import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LocaleSwitch } from "@/components/shell/locale-switch";

/** The sign-in, set-up and change-password forms get the namespaces listed here (lib/i18n/client-namespaces.test.ts). */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["errors", "locale", "nav", "profile", "setup", "signIn"]}>
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 p-4">
      <div className="w-full max-w-md">
        <div className="mb-4 flex justify-end">
          <LocaleSwitch />
        </div>
        {children}
      </div>
    </main>
    </ClientMessages>
  );
}
