// Writes lib/phone-ru-metadata.json: libphonenumber-js's min metadata cut to country code 7 (see lib/phone-ru.ts).
// Run after upgrading libphonenumber-js: `node scripts/phone-ru-metadata.mjs`.
import fs from "node:fs";
import { createRequire } from "node:module";

const metadata = createRequire(import.meta.url)("libphonenumber-js/metadata.min.json");
const slice = {
  version: metadata.version,
  country_calling_codes: { 7: metadata.country_calling_codes["7"] },
  countries: Object.fromEntries(metadata.country_calling_codes["7"].map((country) => [country, metadata.countries[country]])),
  nonGeographic: {},
};
fs.writeFileSync("lib/phone-ru-metadata.json", `${JSON.stringify(slice)}\n`);
