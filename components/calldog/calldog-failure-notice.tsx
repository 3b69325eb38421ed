import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import type { CalldogFailure } from "@/lib/calldog/provider-failure";

/** A failed Calldog read, in words: what happened and what to do. */
export async function CalldogFailureNotice({ failure }: { failure: CalldogFailure }) {
  const t = await getTranslations("calldogErrors");
  return (
    <Notice tone="error">
      {t(failure.reason)}
      {failure.providerMessage && <span className="mt-1 block text-xs">{t("providerSaid", { message: failure.providerMessage })}</span>}
    </Notice>
  );
}
