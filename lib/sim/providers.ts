import { createCalldogSim } from "@/lib/sim/calldog/simulator";
import { createCalldronSim } from "@/lib/sim/calldron/simulator";
import { createObzvonilkaSim } from "@/lib/sim/obzvonilka/simulator";
import type { ProviderSim } from "@/lib/sim/types";

/** The three simulated providers for one shared server (`npm run sim`, the demo, end-to-end tests). */
export function createAllSims({ demoData = false }: { demoData?: boolean } = {}): ProviderSim[] {
  return [createCalldronSim({ demoData }), createCalldogSim({ demoData }), createObzvonilkaSim({ demoData })];
}
