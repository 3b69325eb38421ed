/**
 * How the app writes a moment: "Nov 28, 2026, 3:04 PM" (28 нояб. 2026 г., 15:04), the month in words so that
 * 11/28/26 is never read as the 11th of a 28th month. Pass to next-intl's `format.dateTime`.
 */
export const DATE_TIME = { dateStyle: "medium", timeStyle: "short" } as const;

/** The same with seconds, where entries seconds apart must be told apart (the audit log). */
export const DATE_TIME_SECONDS = { dateStyle: "medium", timeStyle: "medium" } as const;
