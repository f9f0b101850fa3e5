/** Validation of a URL a rep pushes to the customer's browser: absolute http(s) only. */
import { MAX_URL_CHARS } from './entry'

/** The outcome of checking a typed URL. */
export type PushUrlCheck = { ok: true; url: string } | { ok: false; reason: 'invalid' | 'tooLong' } | { ok: false; reason: 'badScheme'; scheme: string }

/** Checks what the rep typed; a bare host like `example.com` is read as https. */
export function checkPushUrl(input: string): PushUrlCheck {
  const text = input.trim()
  if (text.length > MAX_URL_CHARS) return { ok: false, reason: 'tooLong' }
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(text)?.[1]?.toLowerCase()
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https' && !/^[^/]+:\d+/.test(text)) {
    return { ok: false, reason: 'badScheme', scheme }
  }
  const candidate = scheme === undefined || !/^https?:\/\//i.test(text) ? `https://${text}` : text
  try {
    const url = new URL(candidate)
    if (!/^https?:$/.test(url.protocol) || url.hostname === '' || !/[.:]|^localhost$/.test(url.host)) return { ok: false, reason: 'invalid' }
    return { ok: true, url: url.href }
  } catch {
    return { ok: false, reason: 'invalid' }
  }
}
