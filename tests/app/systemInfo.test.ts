import { describe, expect, it } from 'vitest'
import { browserFromHints, connectionType, osFromHints, parseUserAgent, readClientHints, readOsAndBrowser, readSystemInfo, type SystemEnv } from '../../src/app/customer/systemInfo'

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.127 Safari/537.36'
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0'
const EDGE_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87'
const SAFARI_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0'
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0'
const SAFARI_IPAD_OLD = 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1'
const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36'

function env(overrides: Partial<SystemEnv['navigator']> = {}, rest: Partial<Omit<SystemEnv, 'navigator'>> = {}): SystemEnv {
  return {
    navigator: { userAgent: CHROME_WINDOWS, language: 'es-ES', onLine: true, hardwareConcurrency: 8, deviceMemory: 8, connection: { effectiveType: '4g' }, ...overrides },
    screen: { width: 1920, height: 1080 },
    devicePixelRatio: 1.25,
    timeZone: 'Europe/Madrid',
    ...rest,
  }
}

/** A navigator without client hints (Firefox, Safari), so the user agent parser is loaded. */
const withoutHints = (userAgent: string) => ({ userAgent })

describe('system information', () => {
  it.each([
    [FIREFOX_LINUX, 'Linux', 'Firefox 127.0'],
    [FIREFOX_WINDOWS, 'Windows 10 or 11', 'Firefox 128.0'],
    [FIREFOX_ANDROID, 'Android 14', 'Firefox 128.0'],
    [SAFARI_MAC, 'macOS 10.15 or later', 'Safari 17.5'],
    [SAFARI_IPHONE, 'iOS 17.5', 'Mobile Safari 17.5'],
    [SAFARI_IPAD_OLD, 'iOS 16.6', 'Mobile Safari 16.6'],
    [CHROME_ANDROID, 'Android 14', 'Chrome 126.0.6478.122'],
    [EDGE_MAC, 'macOS 10.15 or later', 'Edge 126.0.2592.87'],
    ['curl/8.0', 'Unknown', 'Unknown'],
  ])('without client hints, ua-parser-js reads the OS and browser from %s', async (ua, os, browser) => {
    expect(await readOsAndBrowser(withoutHints(ua))).toEqual({ os, browser })
  })

  it('with client hints the parser is never loaded; without them it is, and a failed load says Unknown', async () => {
    const loads: string[] = []
    const spy = (ua: string) => (loads.push(ua), parseUserAgent(ua))
    const hinted = { userAgent: CHROME_WINDOWS, userAgentData: { platform: 'Windows', getHighEntropyValues: () => Promise.resolve({ platform: 'Windows', platformVersion: '15.0.0', fullVersionList: [{ brand: 'Google Chrome', version: '131.0.6778.86' }] }) } }
    expect(await readOsAndBrowser(hinted, spy)).toEqual({ os: 'Windows 11', browser: 'Chrome 131.0.6778.86' })
    expect(loads).toEqual([])
    expect(await readOsAndBrowser(withoutHints(FIREFOX_LINUX), spy)).toEqual({ os: 'Linux', browser: 'Firefox 127.0' })
    expect(loads).toEqual([FIREFOX_LINUX])
    expect(await readOsAndBrowser(withoutHints(FIREFOX_LINUX), () => Promise.reject(new Error('offline')))).toEqual({ os: 'Unknown', browser: 'Unknown' })
  })

  it('client hints that do not tell the version fall back to the platform they name, never to the parser', async () => {
    const linux = { userAgent: FIREFOX_LINUX, userAgentData: { platform: 'Linux', getHighEntropyValues: () => Promise.reject(new Error('denied')) } }
    expect(await readOsAndBrowser(linux, () => Promise.reject(new Error('must not load')))).toEqual({ os: 'Linux', browser: 'Unknown' })
  })

  it('shares OS, browser, language, time zone, screen with pixel ratio, memory, cores and connection type when exposed', () => {
    expect(readSystemInfo(env(), { os: 'Windows 11', browser: 'Chrome 126.0.6478.127' })).toEqual({
      os: 'Windows 11',
      browser: 'Chrome 126.0.6478.127',
      language: 'es-ES',
      timeZone: 'Europe/Madrid',
      screen: '1920×1080 @1.25x',
      memory: '8 GB',
      cores: '8',
      connection: '4g',
      online: 'online',
    })
  })

  it('leaves out what the browser does not expose (Firefox and Safari have no memory or connection type)', () => {
    const info = readSystemInfo(env({ userAgent: FIREFOX_LINUX, deviceMemory: undefined, connection: undefined, onLine: false }, { devicePixelRatio: 2 }))
    expect(info).not.toHaveProperty('memory')
    expect(info).not.toHaveProperty('connection')
    expect(info.screen).toBe('1920×1080 @2x')
    expect(info.online).toBe('offline')
  })

  it('a connection type other than the four the API defines is not shown', () => {
    for (const connection of [{ effectiveType: '5g' }, { effectiveType: 4 }, { type: 'wifi' }, 'fast', null]) expect(connectionType(connection)).toBeUndefined()
    for (const type of ['slow-2g', '2g', '3g', '4g']) expect(connectionType({ effectiveType: type })).toBe(type)
  })

  it('nonsense memory or core counts are not shown', () => {
    const info = readSystemInfo(env({ deviceMemory: Number.NaN, hardwareConcurrency: 0 }))
    expect(info).not.toHaveProperty('memory')
    expect(info).not.toHaveProperty('cores')
  })
})

describe('system information from User-Agent Client Hints', () => {
  it('tells Windows 11 from Windows 10, which the user agent cannot', () => {
    expect(osFromHints({ platform: 'Windows', platformVersion: '15.0.0' })).toBe('Windows 11')
    expect(osFromHints({ platform: 'Windows', platformVersion: '13.0.0' })).toBe('Windows 11')
    expect(osFromHints({ platform: 'Windows', platformVersion: '10.0.0' })).toBe('Windows 10')
    expect(osFromHints({ platform: 'Windows', platformVersion: '0.3.0' })).toBe('Windows 7, 8 or 8.1')
  })
  it('gives the real macOS version (the user agent is frozen at 10.15.7), Android and ChromeOS', () => {
    expect(osFromHints({ platform: 'macOS', platformVersion: '14.5.0' })).toBe('macOS 14.5')
    expect(osFromHints({ platform: 'Android', platformVersion: '14.0.0' })).toBe('Android 14')
    expect(osFromHints({ platform: 'Chrome OS', platformVersion: '16093.68.0' })).toBe('ChromeOS 16093.68.0')
    expect(osFromHints({ platform: 'Linux', platformVersion: '6.8.0' })).toBeUndefined()
    expect(osFromHints({ platform: 'Windows', platformVersion: '' })).toBeUndefined()
  })
  it('names the most specific browser brand with its full version, skipping GREASE brands', () => {
    const list = [{ brand: 'Not)A;Brand', version: '99.0.0.0' }, { brand: 'Chromium', version: '126.0.6478.127' }, { brand: 'Microsoft Edge', version: '126.0.2592.87' }]
    expect(browserFromHints({ fullVersionList: list })).toBe('Edge 126.0.2592.87')
    expect(browserFromHints({ fullVersionList: list.slice(0, 2) })).toBe('Chromium 126.0.6478.127')
    expect(browserFromHints({ fullVersionList: [{ brand: 'Not)A;Brand', version: '99' }] })).toBeUndefined()
  })
  it('asking for client hints never rejects', async () => {
    expect(await readClientHints({})).toBeUndefined()
    expect(await readClientHints({ userAgentData: { getHighEntropyValues: () => Promise.reject(new Error('denied')) } })).toBeUndefined()
    expect(await readClientHints({ userAgentData: { getHighEntropyValues: (asked) => Promise.resolve({ platform: 'macOS', platformVersion: asked.includes('platformVersion') ? '15.1.0' : '' }) } })).toEqual({ platform: 'macOS', platformVersion: '15.1.0' })
  })
})
