/** What a browser can tell about the customer's system, shared only with consent. */

/** Reads the customer's system facts from the browser. */
export function readSystemInfo(nav: Navigator = navigator, screenInfo: Screen = screen): Record<string, string> {
  const info: Record<string, string> = {}
  const ua = nav.userAgent
  info.os = detectOs(ua)
  info.browser = detectBrowser(ua)
  info.language = nav.language
  info.timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  info.screen = `${screenInfo.width}×${screenInfo.height} @${window.devicePixelRatio}x`
  const memory = (nav as Navigator & { deviceMemory?: number }).deviceMemory
  if (typeof memory === 'number') info.memory = `${memory} GB`
  if (typeof nav.hardwareConcurrency === 'number') info.cores = String(nav.hardwareConcurrency)
  info.online = nav.onLine ? 'online' : 'offline'
  return info
}

/** Operating system and version from a user agent string. */
export function detectOs(ua: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/Windows NT ([\d.]+)/, (m) => `Windows NT ${m[1] ?? ''}`],
    [/Android ([\d.]+)/, (m) => `Android ${m[1] ?? ''}`],
    [/(?:iPhone|iPad|iPod).*? OS ([\d_]+)/, (m) => `iOS ${(m[1] ?? '').replace(/_/g, '.')}`],
    [/Mac OS X ([\d_.]+)/, (m) => `macOS ${(m[1] ?? '').replace(/_/g, '.')}`],
    [/CrOS/, () => 'ChromeOS'],
    [/Linux/, () => 'Linux'],
  ]
  for (const [pattern, name] of rules) {
    const match = pattern.exec(ua)
    if (match) return name(match).trim()
  }
  return 'Unknown'
}

/** Browser and version from a user agent string. */
export function detectBrowser(ua: string): string {
  const rules: [RegExp, string][] = [
    [/Edg\/([\d.]+)/, 'Edge'],
    [/OPR\/([\d.]+)/, 'Opera'],
    [/Firefox\/([\d.]+)/, 'Firefox'],
    [/(?:Chrome|Chromium)\/([\d.]+)/, 'Chrome'],
    [/Version\/([\d.]+).*Safari/, 'Safari'],
  ]
  for (const [pattern, name] of rules) {
    const match = pattern.exec(ua)
    if (match) return `${name} ${match[1] ?? ''}`.trim()
  }
  return 'Unknown'
}
