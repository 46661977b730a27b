/** At most one request at a time per host: requests to one host queue behind each other, hosts run side by side. */
export class HostGate {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    const prev = this.tails.get(host) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => {});
    this.tails.set(host, tail);
    // forget an idle host, so the map does not grow with every host ever seen
    void tail.then(() => {
      if (this.tails.get(host) === tail) this.tails.delete(host);
    });
    return next;
  }

  /** Hosts with a request queued or running. */
  get busyHosts(): number {
    return this.tails.size;
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
