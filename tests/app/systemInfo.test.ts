import { describe, expect, it } from 'vitest'
import { browserFromHints, connectionType, detectBrowser, detectOs, osFromHints, readClientHints, readSystemInfo, withClientHints, type SystemEnv } from '../../src/app/customer/systemInfo'

const CHROME_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.127 Safari/537.36'
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0'
const EDGE_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87'
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

describe('system information', () => {
  it.each([
    [CHROME_WINDOWS, 'Windows 10 or 11', 'Chrome 126.0.6478.127'],
    [SAFARI_IPHONE, 'iOS 17.5', 'Safari 17.5'],
    [FIREFOX_LINUX, 'Linux', 'Firefox 127.0'],
    [EDGE_MAC, 'macOS 10.15 or later', 'Edge 126.0.2592.87'],
    [CHROME_ANDROID, 'Android 14', 'Chrome 126.0.6478.122'],
    ['curl/8.0', 'Unknown', 'Unknown'],
  ])('reads the OS and browser from %s', (ua, os, browser) => {
    expect(detectOs(ua)).toBe(os)
    expect(detectBrowser(ua)).toBe(browser)
  })

  it('shares OS, browser, language, time zone, screen with pixel ratio, memory, cores and connection type when exposed', () => {
    expect(readSystemInfo(env())).toEqual({
      os: 'Windows 10 or 11',
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
  it('overrides the user agent guesses only with what the hints say, and falls back to them without hints', async () => {
    const info = readSystemInfo(env())
    expect(withClientHints(info, undefined)).toEqual(info)
    expect(withClientHints(info, { platform: 'Windows', platformVersion: '15.0.0', fullVersionList: [{ brand: 'Google Chrome', version: '131.0.6778.86' }] })).toEqual({ ...info, os: 'Windows 11', browser: 'Chrome 131.0.6778.86' })
    expect(await readClientHints({})).toBeUndefined()
    expect(await readClientHints({ userAgentData: { getHighEntropyValues: () => Promise.reject(new Error('denied')) } })).toBeUndefined()
    expect(await readClientHints({ userAgentData: { getHighEntropyValues: (asked) => Promise.resolve({ platform: 'macOS', platformVersion: asked.includes('platformVersion') ? '15.1.0' : '' }) } })).toEqual({ platform: 'macOS', platformVersion: '15.1.0' })
  })
})
