import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { QUOTA_WARNING_FRACTION, SESSION_STORAGE_BYTES, SessionShare, sessionStorageCap, setSessionStorageCap, storageVerdict } from '../../src/store/storageBound'

describe('storage bound', () => {
  test('warns before the quota is reached, not after', () => {
    const quota = 1_000_000_000
    expect(storageVerdict({ usage: quota * QUOTA_WARNING_FRACTION - 1, quota, persisted: true }, 0)).toBe('ok')
    expect(storageVerdict({ usage: quota * QUOTA_WARNING_FRACTION + 1, quota, persisted: true }, 0)).toBe('nearQuota')
    expect(storageVerdict(undefined, 0)).toBe('ok')
  })

  test('a session past its share is full whatever the quota says', () => {
    expect(storageVerdict({ usage: 0, quota: 1e12, persisted: true }, SESSION_STORAGE_BYTES + 1)).toBe('sessionFull')
    expect(storageVerdict({ usage: 0, quota: 1e12, persisted: true }, SESSION_STORAGE_BYTES)).toBe('ok')
  })

  test('a hostile peer writing 2 MiB/s fills its session share in about half a minute, long before a 1 GB quota', () => {
    const doc = new Y.Doc()
    const counted = new SessionShare()
    counted.set('customer', Y.encodeStateAsUpdate(doc).byteLength)
    doc.on('update', (update: Uint8Array) => counted.add('customer', update.byteLength))
    let seconds = 0
    while (!counted.full) {
      doc.getMap('junk').set(`s${seconds}`, 'x'.repeat(2 * 1024 * 1024))
      seconds += 1
    }
    expect(seconds).toBeLessThanOrEqual(33)
    expect(counted.bytes).toBeLessThan(0.8e9)
  })

  test('a debug page can lower the share of sessions opened from then on (browser tests), and restore it', () => {
    setSessionStorageCap(1024)
    expect(new SessionShare().cap).toBe(1024)
    setSessionStorageCap(undefined)
    expect(sessionStorageCap()).toBe(SESSION_STORAGE_BYTES)
  })
})
