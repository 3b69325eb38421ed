import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // Messages are compiled at build time, so that the browser gets the small formatter of compiled messages
  // instead of the ICU parser (intl-messageformat, ~12 KB gzip on every page).
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Kept out of the bundle: PGlite's WASM would otherwise be copied into public static files.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-boss", "bcryptjs"],
  poweredByHeader: false,
  // `npm test` type-checks the whole tree (tests included) once with tsc; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The proxy buffers request bodies (10 MB by default): an import may upload up to 50 MB, checked again in its route.
  experimental: { authInterrupts: true, proxyClientMaxBodySize: "51mb" },
  // The Content-Security-Policy is proxy.ts's: it carries a fresh nonce per request.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          // Browsers ignore it over plain http (a local start); over https it keeps them on https for two years.
          ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
