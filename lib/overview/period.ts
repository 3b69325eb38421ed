/** The overview's periods, as they appear in its URL (`/?period=7d`). Today is the default. */
export const PERIODS = ["today", "7d", "30d"] as const;
export type Period = (typeof PERIODS)[number];

export function parsePeriod(value: unknown): Period {
  return PERIODS.find((p) => p === value) ?? "today";
}

/** Days before today that a period reaches back, and the size of its chart's buckets. */
export const PERIOD_SHAPE: Record<Period, { daysBack: number; bucket: "hour" | "day" }> = {
  today: { daysBack: 0, bucket: "hour" },
  "7d": { daysBack: 6, bucket: "day" },
  "30d": { daysBack: 29, bucket: "day" },
};
