/**
 * What React's useSyncExternalStore needs from a store: subscribe, and a version that changes
 * with every change. Stores extend this and call changed() after each edit.
 */
export class Subscribable {
  private version = 0;
  private readonly listeners = new Set<() => void>();

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  protected changed(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }
}
