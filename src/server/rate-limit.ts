// Limits for clients on other machines (loopback, i.e. this computer's own UI and programs, is
// never limited). Two rules, both per remote address:
// - requests: a token bucket generous enough for a gallery scrolled on a phone (a screen of
//   thumbnails is ~60 requests) but not for a script hammering the server;
// - failed sign-ins: after a few wrong tokens the address is refused for a while, so the token
//   cannot be guessed online (it is 192 random bits; this keeps logs and CPU quiet too).

export interface RateLimits {
  /** Sustained requests per second per address. */
  perSecond: number;
  /** Requests an address may send at once after being quiet. */
  burst: number;
  /** Wrong tokens allowed per address within `failureWindowMs`. */
  failures: number;
  failureWindowMs: number;
}

export const DEFAULT_LIMITS: RateLimits = {
  perSecond: 50,
  burst: 600,
  failures: 10,
  failureWindowMs: 10 * 60_000,
};

interface Client {
  tokens: number;
  at: number;
  failures: number[];
}

export type Verdict =
  { ok: true } | { ok: false; reason: 'requests' | 'sign-in'; retryAfterS: number };

export class RateLimiter {
  private readonly clients = new Map<string, Client>();

  constructor(
    private readonly limits: RateLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called for every request from another machine, before any token is looked at. */
  check(address: string): Verdict {
    const t = this.now();
    const c = this.client(address, t);
    c.failures = c.failures.filter((f) => t - f < this.limits.failureWindowMs);
    if (c.failures.length >= this.limits.failures) {
      const retry = c.failures[0] + this.limits.failureWindowMs - t;
      return { ok: false, reason: 'sign-in', retryAfterS: Math.max(1, Math.ceil(retry / 1000)) };
    }
    c.tokens = Math.min(this.limits.burst, c.tokens + ((t - c.at) / 1000) * this.limits.perSecond);
    c.at = t;
    if (c.tokens < 1) {
      const retry = (1 - c.tokens) / this.limits.perSecond;
      return { ok: false, reason: 'requests', retryAfterS: Math.max(1, Math.ceil(retry)) };
    }
    c.tokens -= 1;
    return { ok: true };
  }

  /** A request from `address` carried a wrong token (or none where one was needed). */
  failed(address: string): void {
    const t = this.now();
    this.client(address, t).failures.push(t);
  }

  private client(address: string, t: number): Client {
    let c = this.clients.get(address);
    if (!c) {
      if (this.clients.size >= 10_000) this.prune(t);
      c = { tokens: this.limits.burst, at: t, failures: [] };
      this.clients.set(address, c);
    }
    return c;
  }

  /** Forgets addresses that are back to a full bucket and have no recent failures. */
  private prune(t: number): void {
    for (const [a, c] of this.clients) {
      const full = c.tokens + ((t - c.at) / 1000) * this.limits.perSecond >= this.limits.burst;
      const recent = c.failures.some((f) => t - f < this.limits.failureWindowMs);
      if (full && !recent) this.clients.delete(a);
    }
  }
}
