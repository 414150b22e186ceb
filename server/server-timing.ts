/**
 * The phases of one request and how long each took, sent as a `Server-Timing` header
 * (https://www.w3.org/TR/server-timing/): browsers' developer tools show it, and the benchmarks
 * read it to say where a decision's time goes.
 */
export class ServerTiming {
  private readonly phases = new Map<string, number>();

  add(name: string, ms: number): void {
    this.phases.set(name, (this.phases.get(name) ?? 0) + ms);
  }

  async measure<T>(name: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.add(name, performance.now() - started);
    }
  }

  header(): string {
    return [...this.phases].map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`).join(', ');
  }
}
