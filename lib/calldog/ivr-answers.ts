import { IVR_DIGITS, type IvrHandler, type IvrMenu, NO_KEY, splitKeyWords } from "@/lib/calldog/ivr-menu";
import { CALLDOG_STAYED_ON_LINE } from "@/lib/providers/calldog/wire";

const STAYED = String(CALLDOG_STAYED_ON_LINE);

/**
 * The IVR answers of a campaign's calls per key of its menu: each handler of the menu (1…9, 0, no key) with
 * how many calls answered it — by its digit, by one of its key words, or, for the no-key handler, by staying
 * on the line (Calldog's answer -1) — and, after them, every answer the menu has no handler for. A handler
 * nobody chose is listed with 0, so that the page shows the whole menu.
 */
export type IvrAnswerGroup =
  | { kind: "handler"; handler: IvrHandler; answers: string[]; count: number }
  | { kind: "unmatched"; answer: string; count: number };

export function groupIvrAnswers(menu: IvrMenu | undefined, counts: Record<string, number>): IvrAnswerGroup[] {
  const handlers = [...(menu?.handlers ?? [])].sort((a, b) => IVR_DIGITS.indexOf(a.digit) - IVR_DIGITS.indexOf(b.digit));
  const groups = handlers.map((handler) => ({ kind: "handler" as const, handler, answers: [] as string[], count: 0 }));
  const unmatched: IvrAnswerGroup[] = [];
  for (const [answer, count] of Object.entries(counts).sort(([a], [b]) => answerOrder(a) - answerOrder(b) || a.localeCompare(b))) {
    const group = groups.find((g) => answersHandler(g.handler, answer));
    if (group) {
      group.answers.push(answer);
      group.count += count;
    } else unmatched.push({ kind: "unmatched", answer, count });
  }
  return [...groups, ...unmatched];
}

/** The handler an answer belongs to, if any (the first one: a valid menu uses each digit and word once). */
export function handlerForAnswer(menu: IvrMenu | undefined, answer: string): IvrHandler | undefined {
  return menu?.handlers.find((h) => answersHandler(h, answer));
}

export function isStayedOnLine(answer: string): boolean {
  return answer === STAYED;
}

function answersHandler(handler: IvrHandler, answer: string): boolean {
  if (isStayedOnLine(answer)) return handler.digit === NO_KEY;
  if (handler.digit !== NO_KEY && handler.digit === answer) return true;
  return handler.digit !== NO_KEY && handler.keyWords !== null && splitKeyWords(handler.keyWords.text).includes(answer.trim().toLowerCase());
}

/** Digits in the callee's order (1…9, 0), then "stayed on the line", then words. */
function answerOrder(answer: string): number {
  const digit = IVR_DIGITS.indexOf(answer as (typeof IVR_DIGITS)[number]);
  if (answer !== "" && digit >= 0) return digit;
  return isStayedOnLine(answer) ? IVR_DIGITS.length : IVR_DIGITS.length + 1;
}
