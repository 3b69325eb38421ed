import { useTranslations } from "next-intl";
import type { IvrMenu } from "@/lib/calldog/ivr-menu";
import { describeMenu } from "@/lib/calldog/ivr-menu-summary";
import { IvrMenuLines } from "@/components/calldog/ivr-menu-lines";

/** The menu as the callee meets it, key by key: for the wizard's review step, the templates list and the editor's preview. */
export function IvrMenuTree({
  menu,
  showPhone,
  recordNames,
  compact = false,
}: {
  menu: IvrMenu;
  /** lib/phone-ru.ts's `showRussianPhone` on the server; in the builder, `useRussianPhone().show` (fetched after the page). */
  showPhone: (typed: string) => string;
  recordNames?: Record<string, string>;
  compact?: boolean;
}) {
  const t = useTranslations("calldogIvr");
  const lines = describeMenu(menu, (key, values) => t(key as never, values as never), showPhone, (id) => recordNames?.[id]);
  return <IvrMenuLines lines={lines} compact={compact} />;
}
