/** What a browser can tell about the customer's system, shared only with consent. */

/** What `readSystemInfo` looks at: the browser's objects by default, plain fakes in tests. */
export interface SystemEnv {
  navigator: Pick<Navigator, 'userAgent' | 'language' | 'onLine'> & { hardwareConcurrency?: number; deviceMemory?: unknown; connection?: unknown }
  screen: { width: number; height: number }
  devicePixelRatio: number
  timeZone: string | undefined
}

/** Effective connection types the Network Information API reports; anything else is not shown. */
const CONNECTION_TYPES = ['slow-2g', '2g', '3g', '4g'] as const

function browserEnv(): SystemEnv {
  return { navigator, screen, devicePixelRatio: window.devicePixelRatio, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }
}

/**
 * Reads the customer's system facts (keys of SYSTEM_FACTS in src/doc/exportData.ts).
 * Memory, CPU cores and connection type are included only when the browser exposes them.
 */
export function readSystemInfo(env: SystemEnv = browserEnv()): Record<string, string> {
  const info: Record<string, string> = {}
  const nav = env.navigator
  const ua = nav.userAgent
  info.os = detectOs(ua)
  info.browser = detectBrowser(ua)
  if (nav.language) info.language = nav.language
  if (env.timeZone) info.timeZone = env.timeZone
  info.screen = `${env.screen.width}×${env.screen.height} @${Number(env.devicePixelRatio.toFixed(2))}x`
  const memory = nav.deviceMemory
  if (typeof memory === 'number' && Number.isFinite(memory) && memory > 0) info.memory = `${memory} GB`
  const cores = nav.hardwareConcurrency
  if (typeof cores === 'number' && Number.isInteger(cores) && cores > 0) info.cores = String(cores)
  const connection = connectionType(nav.connection)
  if (connection) info.connection = connection
  info.online = nav.onLine ? 'online' : 'offline'
  return info
}

/** `navigator.connection.effectiveType` when it is one of the known values (Chromium only today). */
export function connectionType(connection: unknown): string | undefined {
  if (typeof connection !== 'object' || connection === null) return undefined
  const type: unknown = (connection as { effectiveType?: unknown }).effectiveType
  return typeof type === 'string' && (CONNECTION_TYPES as readonly string[]).includes(type) ? type : undefined
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
