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

/** Operating system and version from a user agent string (frozen values say what they cannot tell). */
export function detectOs(ua: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    // Windows 11 still says NT 10.0, and Chromium and Safari freeze macOS at 10.15.7.
    [/Windows NT 10\.0/, () => 'Windows 10 or 11'],
    [/Windows NT ([\d.]+)/, (m) => `Windows NT ${m[1] ?? ''}`],
    [/Android ([\d.]+)/, (m) => `Android ${m[1] ?? ''}`],
    [/(?:iPhone|iPad|iPod).*? OS ([\d_]+)/, (m) => `iOS ${(m[1] ?? '').replace(/_/g, '.')}`],
    [/Mac OS X 10[._]15[._]7/, () => 'macOS 10.15 or later'],
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

/** The User-Agent Client Hints `getHighEntropyValues` answers that Asiste reads. */
export interface ClientHints {
  platform?: string
  platformVersion?: string
  fullVersionList?: { brand: string; version: string }[]
}

/** Brands named in the hints, most specific first (Chromium-based browsers also list Chromium). */
const BRANDS: [string, string][] = [
  ['Microsoft Edge', 'Edge'],
  ['Opera', 'Opera'],
  ['Google Chrome', 'Chrome'],
  ['Brave', 'Brave'],
  ['Chromium', 'Chromium'],
]

/** The operating system from client hints, where they tell more than the user agent; undefined otherwise. */
export function osFromHints(hints: ClientHints): string | undefined {
  const version = hints.platformVersion ?? ''
  if (!/^\d+(\.\d+)*$/.test(version)) return undefined
  const [major = 0, minor = 0] = version.split('.').map(Number)
  switch (hints.platform) {
    case 'Windows':
      // Microsoft's mapping: platformVersion 13 and up is Windows 11, 1–10 Windows 10, 0 is 7, 8 or 8.1.
      return major >= 13 ? 'Windows 11' : major >= 1 ? 'Windows 10' : 'Windows 7, 8 or 8.1'
    case 'macOS':
      return `macOS ${major}.${minor}`
    case 'Android':
      return `Android ${major}${minor > 0 ? `.${minor}` : ''}`
    case 'Chrome OS':
    case 'Chromium OS':
      return `ChromeOS ${version}`
    default:
      return undefined
  }
}

/** The browser and its full version from client hints, or undefined. */
export function browserFromHints(hints: ClientHints): string | undefined {
  const list = hints.fullVersionList ?? []
  for (const [brand, name] of BRANDS) {
    const found = list.find((item) => item.brand === brand)
    if (found && /^[\d.]+$/.test(found.version)) return `${name} ${found.version}`
  }
  return undefined
}

type HintsNavigator = { userAgentData?: { getHighEntropyValues?(hints: string[]): Promise<ClientHints> } }

/** Asks the browser for client hints (Chromium browsers; elsewhere resolves undefined). Never rejects. */
export async function readClientHints(nav: HintsNavigator = navigator as HintsNavigator): Promise<ClientHints | undefined> {
  try {
    return (await nav.userAgentData?.getHighEntropyValues?.(['platformVersion', 'fullVersionList'])) ?? undefined
  } catch {
    return undefined
  }
}

/** The system facts with what client hints add: Windows 11 told from 10, the real macOS version, the full browser version. */
export function withClientHints(info: Record<string, string>, hints: ClientHints | undefined): Record<string, string> {
  if (!hints) return info
  const os = osFromHints(hints)
  const browser = browserFromHints(hints)
  return { ...info, ...(os ? { os } : {}), ...(browser ? { browser } : {}) }
}
