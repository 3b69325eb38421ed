"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { CallerIdStep, MessageStep, RecipientsStep, ScheduleStep, type StepData } from "@/components/calldog/campaign-wizard-steps";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { saveCalldogCampaignStep } from "@/lib/actions/calldog-campaigns";
import type { DraftView } from "@/lib/calldog/campaign-draft";
import type { IvrMenu, IvrRecordChoice } from "@/lib/calldog/ivr-menu";

// The builder is the heaviest piece: loaded when its step opens, so the wizard's first load stays small.
const MenuStep = dynamic(() => import("@/components/calldog/campaign-menu-step").then((m) => m.MenuStep), { ssr: false });
// The review (launch facts, the confirmation dialog, the test call) likewise: only the last step needs it.
const CampaignReview = dynamic(() => import("@/components/calldog/campaign-review").then((m) => m.CampaignReview), { ssr: false });

export const STEPS = ["recipients", "callerId", "message", "menu", "schedule", "review"] as const;
export type Step = (typeof STEPS)[number];

export type WizardChoices = {
  connection: { id: string; name: string };
  /** Confirmed caller ids (E.164 and as shown); null when Calldog could not be read. */
  phones: { value: string; label: string }[] | null;
  languages: string[] | null;
  records: IvrRecordChoice[];
  keptLists: { id: string; name: string; entries: number }[];
  calldronConnections: { id: string; name: string }[];
  timeZones: { value: string; label: string }[];
  /** The user's own zone, the schedule's default. */
  defaultTimeZone: string;
  /** The organisation's daily calling window: a campaign's own window defaults to it and must lie within it. */
  organisationWindow: { from: string; to: string };
  /** APP_PUBLIC_URL is set: results arrive by webhook; otherwise by polling. */
  webhooks: boolean;
  /** A launch above this many numbers needs an admin's approval (a manager's limit); null for an admin. */
  approvalAbove: number | null;
  /** The user's number for test calls (as shown), from the profile. */
  testPhone: string | null;
};

/**
 * The Calldog campaign wizard: recipients, caller id, message, IVR menu, when (and recording), review → launch.
 * Each "Next" is checked and saved by the server (the draft is a campaign row), so a reload comes back here.
 */
export function CampaignWizard({ choices, initial }: { choices: WizardChoices; initial: DraftView | null }) {
  const t = useTranslations("calldogCampaign");
  const router = useRouter();
  const [draft, setDraft] = useState<DraftView | null>(initial);
  const [step, setStep] = useState<Step>(initial?.reached ?? "recipients");
  const [name, setName] = useState(initial?.name ?? "");
  const [menu, setMenu] = useState<IvrMenu>(initial?.menu ?? { handlers: [] });
  const [error, setError] = useState<{ text: string; field?: string; fields?: Record<string, string> }>();
  const [pending, startTransition] = useTransition();
  const reachedIndex = STEPS.indexOf(draft?.reached ?? "recipients");

  const save = (data: StepData) => {
    setError(undefined);
    startTransition(async () => {
      const result = await saveCalldogCampaignStep({ connectionId: choices.connection.id, campaignId: draft?.campaignId, name, data });
      if (!result.ok) {
        // The window's times are marked in the step itself; the notice says why (the organisation's window).
        const fields = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([key, text]) => [key.replace(/^data\./, ""), text]));
        if (fields.windowFrom || fields.windowTo) return setError({ text: result.error, fields });
        const [field] = Object.keys(result.fieldErrors ?? {});
        return setError({ text: field ? (result.fieldErrors?.[field] ?? result.error) : result.error, field });
      }
      if (!draft) router.replace(`/campaigns/calldog/new?connection=${choices.connection.id}&campaign=${result.data.campaignId}`, { scroll: false });
      setDraft(result.data);
      setStep(STEPS[STEPS.indexOf(data.step) + 1] ?? "review");
    });
  };

  return (
    <div className="space-y-6">
      <TextField
        id="campaign-name"
        name="name"
        label={t("name")}
        className="max-w-md"
        value={name}
        maxLength={120}
        required
        error={error?.field === "name" ? error.text : undefined}
        onChange={(e) => setName(e.target.value)}
      />
      <nav aria-label={t("stepsLabel")}>
        <ol className="flex flex-wrap gap-2 text-sm">
          {STEPS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                disabled={i > reachedIndex || pending}
                aria-current={s === step ? "step" : undefined}
                onClick={() => setStep(s)}
                className="rounded-full border border-slate-300 px-3 py-1 text-slate-700 aria-[current=step]:border-indigo-600 aria-[current=step]:bg-indigo-50 aria-[current=step]:text-indigo-800 disabled:text-slate-400 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                {i + 1}. {t(`steps.${s}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {error && error.field !== "name" && (
        <Notice tone="error">{error.text}</Notice>
      )}
      {step === "recipients" && <RecipientsStep choices={choices} draft={draft} pending={pending} onNext={save} />}
      {step === "callerId" && <CallerIdStep choices={choices} draft={draft} pending={pending} onNext={save} onBack={() => setStep("recipients")} />}
      {step === "message" && <MessageStep choices={choices} draft={draft} pending={pending} onNext={save} onBack={() => setStep("callerId")} />}
      {step === "menu" && (
        <MenuStep menu={menu} onChange={setMenu} records={choices.records} pending={pending} onNext={() => save({ step: "menu", menu })} onBack={() => setStep("message")} />
      )}
      {step === "schedule" && <ScheduleStep choices={choices} draft={draft} pending={pending} onNext={save} onBack={() => setStep("menu")} fieldErrors={error?.fields} />}
      {step === "review" && draft && <CampaignReview choices={choices} draft={draft} onDraft={setDraft} onBack={() => setStep("schedule")} />}
      {pending && <p className="text-sm text-slate-600">{t("checking")}</p>}
      {step !== "review" && <SkipAhead draft={draft} step={step} onGo={setStep} label={t("backToReview")} />}
    </div>
  );
}

function SkipAhead({ draft, step, onGo, label }: { draft: DraftView | null; step: Step; onGo: (s: Step) => void; label: string }) {
  if (draft?.reached !== "review" || step === "review") return null;
  return (
    <Button variant="ghost" onClick={() => onGo("review")}>
      {label}
    </Button>
  );
}
