"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { Provider } from "@/lib/db/schema";
import { findCampaigns } from "@/lib/actions/overview";
import { PROVIDER_LABELS } from "@/lib/providers/catalog";

type Picked = { id: string; name: string; provider: Provider };

/** Chooses the campaigns to compare: search by name, add, remove, then Compare puts the choice in the address. */
export function CampaignPicker({ initial }: { initial: Picked[] }) {
  const t = useTranslations("campaignCompare");
  const router = useRouter();
  const [chosen, setChosen] = useState<Picked[]>(initial);
  const [query, setQuery] = useState("");
  const [debounced, setDebounced] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const search = useQuery({
    queryKey: ["campaign-search", debounced],
    queryFn: async () => {
      const result = await findCampaigns({ query: debounced });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
  });
  const offered = (search.data ?? []).filter((c) => !chosen.some((p) => p.id === c.id));
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div className="space-y-2">
        <TextField
          label={t("search")}
          name="campaign-search"
          type="search"
          placeholder={t("searchPlaceholder")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
        <div aria-live="polite" className="text-sm text-slate-600">
          {search.isFetching && t("searching")}
          {search.error && <span className="text-red-700">{search.error.message}</span>}
          {!search.isFetching && search.data && offered.length === 0 && t("noMatch")}
        </div>
        <ul className="max-h-64 space-y-1 overflow-y-auto" data-testid="campaign-options">
          {offered.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-1.5 text-sm">
              <span className="truncate">
                {c.name} <Badge>{PROVIDER_LABELS[c.provider]}</Badge>
              </span>
              <Button size="sm" variant="secondary" aria-label={t("add", { name: c.name })} onClick={() => setChosen([...chosen, c])}>
                +
              </Button>
            </li>
          ))}
        </ul>
      </div>
      <div className="space-y-2">
        <h2 className="text-sm font-medium text-slate-700">{t("chosen")}</h2>
        {chosen.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noneChosen")}</p>
        ) : (
          <ul className="space-y-1" data-testid="campaign-chosen">
            {chosen.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-2 rounded-md bg-indigo-50 px-3 py-1.5 text-sm">
                <span className="truncate">
                  {c.name} <Badge>{PROVIDER_LABELS[c.provider]}</Badge>
                </span>
                <Button size="sm" variant="ghost" aria-label={t("remove", { name: c.name })} onClick={() => setChosen(chosen.filter((p) => p.id !== c.id))}>
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Button disabled={chosen.length < 2} onClick={() => router.push(`/campaigns/compare?ids=${chosen.map((c) => c.id).join(",")}`)}>
          {t("submit")}
        </Button>
        {chosen.length < 2 && <p className="text-xs text-slate-600">{t("pickTwo")}</p>}
      </div>
    </div>
  );
}
