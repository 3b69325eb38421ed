/** Calldog's documented field limits, apart from wire.ts so that client forms import them without the wire code. */
export const CALLDOG_TEXT_MAX = 1024;
export const CALLDOG_SMS_MAX = 70;
export const CALLDOG_URL_MAX = 255;
