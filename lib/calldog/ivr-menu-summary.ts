import { IVR_DIGITS, type IvrMenu, NO_KEY, splitKeyWords, webhookParametersJson } from "@/lib/calldog/ivr-menu";

/** A translator of the `calldogIvr` namespace (next-intl's `t`, server or client). */
export type IvrTranslate = (key: string, values?: Record<string, string | number>) => string;

export type IvrMenuLine = { digit: string; label: string; actions: string[] };

/**
 * The menu as a readable tree for the wizard's review step and the template list: one line a key, in the
 * order the callee hears them (1…9, 0, no key), each with its actions in words. `showPhone` is lib/phone-ru.ts's
 * `showRussianPhone`, passed in so that the builder's preview can fetch it after the page.
 */
export function describeMenu(
  menu: IvrMenu,
  t: IvrTranslate,
  showPhone: (typed: string) => string,
  recordName?: (recordId: string) => string | undefined,
): IvrMenuLine[] {
  const handlers = [...menu.handlers].sort((a, b) => IVR_DIGITS.indexOf(a.digit) - IVR_DIGITS.indexOf(b.digit));
  return handlers.map((h) => {
    const actions: string[] = [];
    if (h.play) {
      const id = h.play.recordId.trim();
      const name = recordName?.(id);
      actions.push(name ? t("summary.playNamed", { name, id }) : t("summary.play", { id }));
    }
    if (h.transfer) actions.push(t("summary.transfer", { phone: showPhone(h.transfer.phone) }));
    if (h.sms) actions.push(t("summary.sms", { text: h.sms.text.trim() }));
    if (h.blacklist) actions.push(t("summary.blacklist"));
    if (h.webhook) {
      const parameters = h.webhook.parameters.some((p) => p.key.trim()) ? webhookParametersJson(h.webhook.parameters) : "";
      actions.push(parameters ? t("summary.webhookWith", { url: h.webhook.url.trim(), parameters }) : t("summary.webhook", { url: h.webhook.url.trim() }));
    }
    if (h.keyWords) actions.push(t("summary.keyWords", { words: splitKeyWords(h.keyWords.text).join(", ") }));
    if (actions.length === 0 && h.digit === NO_KEY) actions.push(t("summary.stay"));
    return { digit: h.digit, label: h.digit === NO_KEY ? t("noKey") : t("keyLabel", { digit: h.digit }), actions };
  });
}
