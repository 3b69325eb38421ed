import { createCalldogSim } from "@/lib/providers/calldog/simulator";
import { createCalldronSim } from "@/lib/providers/calldron/simulator";
import { createObzvonilkaSim } from "@/lib/providers/obzvonilka/simulator";
import type { ProviderSim } from "@/lib/sim/types";

/** The three simulated providers for one shared server (`npm run sim`, the demo, end-to-end tests). */
export function createAllSims({ demoData = false }: { demoData?: boolean } = {}): ProviderSim[] {
  return [createCalldronSim({ demoData }), createCalldogSim({ demoData }), createObzvonilkaSim({ demoData })];
}
