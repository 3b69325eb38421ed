import { useTranslations } from "next-intl";
import type { IvrMenuLine } from "@/lib/calldog/ivr-menu-summary";

/**
 * Described menu lines (`describeMenu`), drawn: apart from IvrMenuTree so that a page can describe the menu on the
 * server and ship no phone library for it (the campaign wizard's review).
 */
export function IvrMenuLines({ lines, compact = false }: { lines: IvrMenuLine[]; compact?: boolean }) {
  const t = useTranslations("calldogIvr");
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
