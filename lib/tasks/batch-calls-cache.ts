/**
 * The numbers a batch has already called, read from the provider once per run and again only when needed: after
 * a create whose answer was lost, the next look-up reads the batch afresh (one read serves every number that was
 * uncertain by then). Numbers are E.164.
 */
export class BatchCallsCache {
  private phones = new Set<string>();
  /** Count of lost answers so far, and the count the last read started after. */
  private losses = 0;
  private freshFor = -1;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly load: () => Promise<string[]>) {}

  async refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      const lossesAtStart = this.losses;
      try {
        this.phones = new Set(await this.load());
        this.freshFor = lossesAtStart;
      } finally {
        this.refreshing = undefined;
      }
    })();
    await this.refreshing;
  }

  has(phone: string): boolean {
    return this.phones.has(phone);
  }

  add(phone: string): void {
    this.phones.add(phone);
  }

  /** A create may have reached the provider without our knowing: what is cached no longer settles it. */
  answerLost(): void {
    this.losses += 1;
  }

  /** Whether the batch has called the number, from a read that started after every lost answer so far. */
  async hasAfterLosses(phone: string): Promise<boolean> {
    while (this.freshFor < this.losses) await this.refresh();
    return this.phones.has(phone);
  }
}
