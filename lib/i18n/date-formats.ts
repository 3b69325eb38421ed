/**
 * How the app writes a moment: "Nov 28, 2026, 3:04 PM" (28 нояб. 2026 г., 15:04), the month in words so that
 * 11/28/26 is never read as the 11th of a 28th month. Pass to next-intl's `format.dateTime`; a call that shows a
 * moment in another zone than the user's spreads the form and adds it: `{ ...DATE_TIME, timeZone }`.
 * Every date and time the UI shows takes one of these (date-formats.test.ts holds the pages to it).
 */
export const DATE_TIME = { dateStyle: "medium", timeStyle: "short" } as const;

/**
 * The same with seconds, for calls ("Nov 28, 2026, 3:04:05 PM"): a campaign dials many calls a minute, and calls
 * seconds apart, or a call's dialling and its webhook, must be told apart.
 */
export const DATE_TIME_SECONDS = { dateStyle: "medium", timeStyle: "medium" } as const;

/** The date alone, in the same form ("Nov 28, 2026"). */
export const DATE = { dateStyle: "medium" } as const;

/**
 * The time alone, with seconds ("3:04:05 PM"), where the day is plain from beside it: the audit log's entries, a
 * call's end after its dialling on the same day, a test call just made, a task's pause.
 */
export const TIME_SECONDS = { timeStyle: "medium" } as const;
