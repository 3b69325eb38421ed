"use server";

import { z } from "zod";
import { action } from "@/lib/actions/safe-action";
import { type CampaignRef, type RunningCampaign, runningCampaigns, searchCampaigns } from "@/lib/overview/queries";

/** The campaigns dialing now, for the overview's live progress (polled). */
export const getRunningCampaigns = action({ role: "any", schema: z.object({}) }, async (): Promise<RunningCampaign[]> => runningCampaigns());

/** Campaigns by part of their name, for the comparison's picker. */
export const findCampaigns = action(
  { role: "any", schema: z.object({ query: z.string().trim().max(100).default("") }) },
  async ({ query }): Promise<CampaignRef[]> => searchCampaigns({ query }),
);
