/**
 * How the app writes a moment: "Nov 28, 2026, 3:04 PM" (28 нояб. 2026 г., 15:04), the month in words so that
 * 11/28/26 is never read as the 11th of a 28th month. Pass to next-intl's `format.dateTime`.
 */
export const DATE_TIME = { dateStyle: "medium", timeStyle: "short" } as const;

/** The date alone, in the same form ("Nov 28, 2026"). */
export const DATE = { dateStyle: "medium" } as const;

/** The time with seconds, where entries seconds apart must be told apart (the audit log): "3:04:05 PM". */
export const TIME_SECONDS = { timeStyle: "medium" } as const;
