/** Security headers sent with every HTTP response. */

/**
 * Builds the Content-Security-Policy: only our own code runs; the page may connect only to its own origin
 * (`'self'` covers same-origin ws:/wss: in CSP 3, i.e. `/config.json` and the default `/signal`) and to the
 * configured signaling URLs — not to any WebSocket host, so injected script could not talk to a server of its own.
 */
export function contentSecurityPolicy(signalingUrls: readonly string[]): string {
  const connect = ["'self'", ...signalingUrls.map(cspSource)]
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Solid and the virtual list set inline `style` attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The headers every response carries (given the CSP built once at start). */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // No other page keeps a handle on ours (window.opener), so none can navigate or probe it across origins.
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
}

// Scheme + host(+port) only: a CSP source cannot carry a query string, and the path adds no protection here.
function cspSource(url: string): string {
  const { protocol, host } = new URL(url)
  return `${protocol}//${host}`
}
