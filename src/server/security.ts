import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.js';
import { RateLimiter } from './rate-limit.js';
import { tokenMatches } from './token.js';

export const TOKEN_COOKIE = 'picto_token';

// The UI's policy: only our own scripts (Vite emits no inline script), styles and images; no
// framing; no network except this origin. React sets styles through the CSSOM, which style-src
// does not restrict, so 'unsafe-inline' is not needed.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Other sites may not embed our thumbnails or originals either.
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export function isLoopbackAddress(addr: string | undefined): boolean {
  if (!addr) return false;
  const a = addr.startsWith('::ffff:') ? addr.slice(7) : addr;
  return a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Host name of a Host header: "127.0.0.1:4790" → 127.0.0.1, "[::1]:80" → ::1. */
export function hostName(hostHeader: string | undefined): string {
  if (!hostHeader) return '';
  if (hostHeader.startsWith('[')) return hostHeader.slice(1, hostHeader.indexOf(']'));
  return hostHeader.split(':')[0];
}

/**
 * A request is trusted without the token when it comes over loopback AND names a loopback host.
 * The second half matters: a web page can rebind its own domain to 127.0.0.1 and make the
 * browser talk to us over loopback, but the Host header then still carries that domain.
 */
export function trustedLocal(req: FastifyRequest): boolean {
  return isLoopbackAddress(req.socket.remoteAddress) && isLoopbackHost(hostName(req.headers.host));
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() !== name) continue;
    const value = part.slice(i + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      // Not percent-encoding we wrote ("%zz"): a wrong token like any other, never a crash.
      return value;
    }
  }
  return undefined;
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (!h) return undefined;
  const m = /^Bearer\s+(.+)$/i.exec(h);
  return m?.[1].trim();
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A state change sent by another site's page (CSRF): the browser says so in these headers. */
function crossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host !== req.headers.host;
    } catch {
      return true;
    }
  }
  return origin === 'null';
}

const UNAUTHORISED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Picto: access token needed</title><meta name="viewport" content="width=device-width">
</head><body>
<h1>This Picto library is private</h1>
<p>Open the address printed by <code>picto serve</code> on the computer that runs Picto: it ends in
<code>?token=…</code>. After that this browser is remembered.</p></body></html>`;

/**
 * Access control and security headers for every request, API and UI alike. There is deliberately
 * no CORS: no Access-Control-* header is ever sent, so browsers keep other origins out.
 */
export function installSecurity(
  app: FastifyInstance,
  token: string,
  limiter: RateLimiter = new RateLimiter(),
  /** Told of every request from another machine turned away for a wrong token. */
  onWrongToken?: (req: FastifyRequest) => void,
): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    reply.headers(SECURITY_HEADERS);
    const local = trustedLocal(req);
    const address = req.socket.remoteAddress ?? '';

    if (!local) {
      const verdict = limiter.check(address);
      if (!verdict.ok) {
        return sendError(
          reply.header('retry-after', String(verdict.retryAfterS)),
          'rate-limited',
          verdict.reason === 'sign-in'
            ? `too many wrong access tokens from this address; try again in ${verdict.retryAfterS} s`
            : `too many requests from this address; try again in ${verdict.retryAfterS} s`,
        );
      }
    }

    // "/?token=…" signs a browser in: remember the token in a cookie and drop it from the URL.
    const q = req.query as Record<string, unknown> | undefined;
    const fromQuery = typeof q?.token === 'string' ? q.token : undefined;
    if (fromQuery !== undefined && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!tokenMatches(fromQuery, token)) {
        if (!local) limiter.failed(address);
        return reply.code(401).type('text/html; charset=utf-8').send(UNAUTHORISED_PAGE);
      }
      const url = new URL(req.url, 'http://x');
      url.searchParams.delete('token');
      reply.header(
        'set-cookie',
        `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=31536000`,
      );
      return reply.redirect(url.pathname + url.search, 303);
    }

    if (MUTATING.has(req.method) && crossSite(req)) {
      return sendError(reply, 'cross-site', 'requests from other sites are refused');
    }

    if (local) return;
    const presented = [bearerToken(req), cookieValue(req.headers.cookie, TOKEN_COOKIE)];
    if (presented.some((t) => tokenMatches(t, token))) return;
    // A wrong token counts towards the lock-out; no token at all (a browser not signed in yet,
    // its favicon request) does not.
    if (presented.some((t) => t !== undefined)) {
      limiter.failed(address);
      onWrongToken?.(req);
    }

    if (req.url.startsWith('/api/')) {
      return sendError(
        reply.header('www-authenticate', 'Bearer realm="picto"'),
        'unauthorised',
        'this server needs its access token (Authorization: Bearer <token>) from other machines',
      );
    }
    return reply.code(401).type('text/html; charset=utf-8').send(UNAUTHORISED_PAGE);
  });
}
