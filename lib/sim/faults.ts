import { NO_FAULTS, type FaultSettings, type SimResponse } from "@/lib/sim/types";

type Verdict =
  | { kind: "pass" | "malformed" | "hang" | "reset" | "drop"; release: () => void }
  | { kind: "respond"; response: SimResponse; label: string; release: () => void };

/**
 * Faults on demand per provider: latency, 5xx, 429 with Retry-After, malformed JSON, reset, hang, a drop after
 * the work is done,
 * and a ceiling of concurrent requests per account. Initial settings come from SIM_FAULTS_<PROVIDER> (JSON).
 */
export class FaultGate {
  private readonly settings = new Map<string, FaultSettings>();
  private readonly inFlight = new Map<string, number>();
  private random: () => number = Math.random;

  constructor() {
    for (const provider of ["calldron", "calldog", "obzvonilka"]) {
      const raw = process.env[`SIM_FAULTS_${provider.toUpperCase()}`];
      if (raw) this.set(provider, JSON.parse(raw) as Partial<FaultSettings>);
    }
  }

  useRandom(random: () => number): void {
    this.random = random;
  }

  get(provider: string): FaultSettings {
    return this.settings.get(provider) ?? NO_FAULTS;
  }

  set(provider: string, patch: Partial<FaultSettings>): void {
    this.settings.set(provider, { ...this.get(provider), ...patch });
  }

  reset(provider: string): void {
    this.settings.delete(provider);
  }

  async enter(provider: string, account: string, route: string): Promise<Verdict> {
    const f = this.get(provider);
    const applies = !f.match || new RegExp(f.match).test(route);
    const slot = `${provider}:${account}`;
    const current = this.inFlight.get(slot) ?? 0;
    if (f.maxConcurrentPerAccount > 0 && current >= f.maxConcurrentPerAccount) {
      return this.tooMany(f, "capacity");
    }
    this.inFlight.set(slot, current + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.inFlight.set(slot, (this.inFlight.get(slot) ?? 1) - 1);
    };
    if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
    if (!applies) return { kind: "pass", release };
    if (this.random() < f.hangRate) return { kind: "hang", release };
    if (this.random() < f.resetRate) return { kind: "reset", release };
    if (this.random() < f.rateLimitRate) return { ...this.tooMany(f, "rate_limit"), release };
    if (this.random() < f.errorRate) {
      const status = f.errorStatuses[Math.floor(this.random() * f.errorStatuses.length)] ?? 500;
      return { kind: "respond", label: `error_${status}`, response: { status, body: { error: "Internal Server Error" } }, release };
    }
    if (this.random() < f.malformedRate) return { kind: "malformed", release };
    if (this.random() < f.dropAfterRate) return { kind: "drop", release };
    return { kind: "pass", release };
  }

  private tooMany(f: FaultSettings, label: string): Verdict {
    return {
      kind: "respond",
      label,
      response: {
        status: 429,
        headers: { "retry-after": String(f.retryAfterSeconds) },
        body: { error: "Too Many Requests" },
      },
      release: () => {},
    };
  }
}
