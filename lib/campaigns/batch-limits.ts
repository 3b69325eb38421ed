/**
 * Bounds the app sets for a Calldron batch's fields (docs/providers.md, Calldron):
 * attempts 1–10, delay between attempts 0–86,400 s (a day), wait before the intro callback 0–600 s.
 */
export const BATCH_LIMITS = {
  nameMax: 255,
  descriptionMax: 1000,
  attempts: { min: 1, max: 10 },
  callDelaySeconds: { min: 0, max: 86_400 },
  timeoutBeforeIntroCallback: { min: 0, max: 600 },
} as const;

