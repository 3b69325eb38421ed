/**
 * Simulated time. `timeScale` 60 makes one real second a simulated minute, so a demo campaign ends in a minute.
 * Tests use a manual clock and advance it themselves.
 */
export class SimClock {
  private manualNow: number | undefined;
  private readonly startedReal = Date.now();
  private readonly startedSim: number;

  constructor(
    readonly timeScale = 1,
    manualStart?: number,
  ) {
    this.manualNow = manualStart;
    this.startedSim = manualStart ?? Date.now();
  }

  static manual(start = Date.UTC(2026, 10, 23, 9, 0, 0)): SimClock {
    return new SimClock(1, start);
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    if (this.manualNow !== undefined) return this.manualNow;
    return this.startedSim + (Date.now() - this.startedReal) * this.timeScale;
  }

  /**
   * Wall-clock epoch milliseconds, for simulators whose timestamps must stay "now" while their steps run faster
   * (Calldog: a demo call lasts seconds, yet is never reported in the future). Steps then take `realDelay(simMs)`.
   */
  wall(): number {
    return this.manualNow ?? Date.now();
  }

  advance(ms: number): void {
    if (this.manualNow === undefined) throw new Error("Only a manual clock can be advanced.");
    this.manualNow += ms;
  }

  /** Real milliseconds until `simMs` of simulated time has passed (for timers). */
  realDelay(simMs: number): number {
    return this.manualNow !== undefined ? simMs : simMs / this.timeScale;
  }
}
