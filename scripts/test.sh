#!/usr/bin/env bash
# npm test: lint, typecheck, unit + integration tests (Vitest), production build, bundle budget,
# and the Playwright end-to-end suite against the build. Counts go to .ci-out/ for .ci/run's total line.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
OUT=.ci-out
mkdir -p "$OUT"
rm -f "$OUT"/vitest*.json "$OUT"/playwright*.json
failed_steps=()

step() {
  local name=$1
  shift
  echo
  echo "── $name"
  if ! "$@"; then failed_steps+=("$name"); fi
}

step "chromium for Playwright" bash scripts/ensure-chromium.sh
step "lint (biome)" npx --no-install biome check .
step "typecheck (tsc)" npx --no-install tsc --noEmit
step "unit and integration tests (vitest, PGlite)" \
  npx --no-install vitest run --reporter=default --reporter=json --outputFile.json="$OUT/vitest.json"
step "production build" npx --no-install next build
step "bundle budget" node scripts/check-bundle-budget.mjs
step "end-to-end (playwright, two runs at once)" env PW_JSON_OUTPUT="$OUT/playwright.json" CI="${CI:-}" node scripts/e2e-parallel.mjs

node scripts/count-tests.mjs "$OUT"/vitest.json "$OUT"/playwright.json
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "Failed steps: ${failed_steps[*]}"
  exit 1
fi
