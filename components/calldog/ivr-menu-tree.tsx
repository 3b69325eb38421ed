import { useTranslations } from "next-intl";
import type { IvrMenu } from "@/lib/calldog/ivr-menu";
import { describeMenu } from "@/lib/calldog/ivr-menu-summary";

/** The menu as the callee meets it, key by key: for the wizard's review step, the templates list and the editor's preview. */
export function IvrMenuTree({ menu, recordNames, compact = false }: { menu: IvrMenu; recordNames?: Record<string, string>; compact?: boolean }) {
  const t = useTranslations("calldogIvr");
  const lines = describeMenu(menu, (key, values) => t(key as never, values as never), (id) => recordNames?.[id]);
  if (lines.length === 0) return <p className="text-sm text-slate-600">{t("summary.noMenu")}</p>;
  return (
    <ul className={compact ? "space-y-1 text-xs" : "space-y-2 text-sm"} data-testid="ivr-menu-tree">
      {lines.map((line, index) => (
        // A half-made menu may use a digit twice: the position, not the digit, identifies a line.
        <li key={`${index}:${line.digit}`}>
          <span className="font-medium text-slate-900">{line.label}</span>
          <ul className="ml-4 border-l border-slate-200 pl-3 text-slate-700">
            {line.actions.map((action, i) => (
              <li key={`${i}:${action}`} className="[overflow-wrap:anywhere]">
                → {action}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
