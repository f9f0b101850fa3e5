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

/** The operating system and browser, as shown to the rep. */
export interface OsAndBrowser {
  os: string
  browser: string
}

const UNKNOWN: OsAndBrowser = { os: 'Unknown', browser: 'Unknown' }

/**
 * Reads the customer's system facts (keys of SYSTEM_FACTS in src/doc/exportData.ts). The operating system
 * and browser come from `named` (see `readOsAndBrowser`, which answers asynchronously), "Unknown" until then.
 * Memory, CPU cores and connection type are included only when the browser exposes them.
 */
export function readSystemInfo(env: SystemEnv = browserEnv(), named: OsAndBrowser = UNKNOWN): Record<string, string> {
  const info: Record<string, string> = {}
  const nav = env.navigator
  info.os = named.os
  info.browser = named.browser
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

/** What ua-parser-js (1.x) says about a user agent: the parts Asiste reads of its `getResult()`. */
export interface ParsedUserAgent {
  os: { name?: string; version?: string }
  browser: { name?: string; version?: string }
}

/** Operating system names as ua-parser-js spells them, and as Asiste shows them. */
const OS_NAMES: Record<string, string> = { 'Mac OS': 'macOS', 'Chromium OS': 'ChromeOS' }

/**
 * The operating system and browser from ua-parser-js's reading of a user agent. Values the browsers froze
 * say what they cannot tell: Windows 11 still says NT 10.0, and Chromium and Safari freeze macOS at 10.15.7.
 */
export function osAndBrowserFromParsed(parsed: ParsedUserAgent): OsAndBrowser {
  const { os, browser } = parsed
  let osName = os.name ? (OS_NAMES[os.name] ?? os.name) : 'Unknown'
  if (os.name === 'Windows' && os.version === '10') osName = 'Windows 10 or 11'
  else if (osName === 'macOS' && os.version === '10.15.7') osName = 'macOS 10.15 or later'
  else if (os.name && os.version) osName = `${osName} ${os.version}`
  const browserName = browser.name ? `${browser.name}${browser.version ? ` ${browser.version}` : ''}` : 'Unknown'
  return { os: osName, browser: browserName }
}

/** Loads ua-parser-js (its own chunk, fetched only by browsers without client hints) and reads `ua` with it. */
export async function parseUserAgent(ua: string): Promise<ParsedUserAgent> {
  const { default: UAParser } = await import('ua-parser-js')
  const result = new UAParser(ua).getResult()
  return { os: result.os, browser: result.browser }
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

type HintsNavigator = { userAgentData?: { platform?: string; getHighEntropyValues?(hints: string[]): Promise<ClientHints> } }

/** Asks the browser for client hints (Chromium browsers; elsewhere resolves undefined). Never rejects. */
export async function readClientHints(nav: HintsNavigator = navigator as HintsNavigator): Promise<ClientHints | undefined> {
  try {
    return (await nav.userAgentData?.getHighEntropyValues?.(['platformVersion', 'fullVersionList'])) ?? undefined
  } catch {
    return undefined
  }
}

/**
 * The operating system and browser. Chromium browsers answer through client hints (Windows 11 told from 10,
 * the real macOS version, the full browser version) and never download the parser; browsers without
 * `navigator.userAgentData` (Firefox, Safari) have their user agent read by ua-parser-js, loaded only then.
 * Never rejects: what cannot be read is "Unknown".
 */
export async function readOsAndBrowser(
  nav: HintsNavigator & { userAgent: string } = navigator as HintsNavigator & { userAgent: string },
  parse: (ua: string) => Promise<ParsedUserAgent> = parseUserAgent,
): Promise<OsAndBrowser> {
  if (nav.userAgentData) {
    const hints = await readClientHints(nav)
    const platform = hints?.platform ?? nav.userAgentData.platform
    return {
      os: (hints && osFromHints(hints)) ?? (platform ? (OS_NAMES[platform] ?? platform) : 'Unknown'),
      browser: (hints && browserFromHints(hints)) ?? 'Unknown',
    }
  }
  try {
    return osAndBrowserFromParsed(await parse(nav.userAgent))
  } catch {
    return UNKNOWN
  }
}
