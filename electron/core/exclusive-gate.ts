// Lets operations run side by side except the few that must run alone (a restore
// replaces the whole library under every other operation). An exclusive task waits
// for the running ones to finish; new ones wait until it is done.

export class ExclusiveGate {
  private running = 0;
  private closedGate: Promise<void> | null = null;
  private onDrained: (() => void) | null = null;

  async shared<T>(work: () => Promise<T>): Promise<T> {
    while (this.closedGate) await this.closedGate;
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) this.onDrained?.();
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.closedGate) await this.closedGate;
    let open!: () => void;
    this.closedGate = new Promise<void>((resolve) => (open = resolve));
    try {
      if (this.running > 0) await new Promise<void>((resolve) => (this.onDrained = resolve));
      this.onDrained = null;
      return await work();
    } finally {
      this.closedGate = null;
      open();
    }
  }
}
