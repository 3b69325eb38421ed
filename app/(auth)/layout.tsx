import type { ReactNode } from "react";
import { LocaleSwitch } from "@/components/shell/locale-switch";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 p-4">
      <div className="w-full max-w-md">
        <div className="mb-4 flex justify-end">
          <LocaleSwitch />
        </div>
        {children}
      </div>
    </main>
  );
}
