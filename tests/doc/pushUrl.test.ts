import { describe, expect, it } from 'vitest'
import { checkPushUrl } from '../../src/doc/pushUrl'

describe('push URL validation', () => {
  it('accepts http and https URLs and normalises them', () => {
    expect(checkPushUrl('https://example.com/help?q=1')).toEqual({ ok: true, url: 'https://example.com/help?q=1' })
    expect(checkPushUrl('  http://intranet.local:8080/x ')).toEqual({ ok: true, url: 'http://intranet.local:8080/x' })
  })
  it('reads a bare host as https', () => {
    expect(checkPushUrl('example.com/docs')).toEqual({ ok: true, url: 'https://example.com/docs' })
    expect(checkPushUrl('localhost:3000')).toEqual({ ok: true, url: 'https://localhost:3000/' })
  })
  it('refuses every other scheme with the scheme named', () => {
    for (const [input, scheme] of [
      ['javascript:alert(1)', 'javascript'],
      ['JavaScript:alert(1)', 'javascript'],
      ['data:text/html,<script>x</script>', 'data'],
      ['file:///etc/passwd', 'file'],
      ['vbscript:msgbox', 'vbscript'],
      ['mailto:a@b.c', 'mailto'],
    ] as const) {
      expect(checkPushUrl(input)).toEqual({ ok: false, reason: 'badScheme', scheme })
    }
  })
  it('refuses text that is not a web address', () => {
    expect(checkPushUrl('')).toEqual({ ok: false, reason: 'invalid' })
    expect(checkPushUrl('not a url')).toEqual({ ok: false, reason: 'invalid' })
    expect(checkPushUrl('https://')).toEqual({ ok: false, reason: 'invalid' })
    expect(checkPushUrl(`https://example.com/${'a'.repeat(3000)}`)).toEqual({ ok: false, reason: 'tooLong' })
  })
})
