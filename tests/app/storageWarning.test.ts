// The console warns before the browser's storage quota is reached, and only then.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRoot } from 'solid-js'
import { createStorageWarning } from '../../src/app/console/storageWarning'
import type { StorageInfo } from '../../src/store/storageQuota'

afterEach(() => vi.useRealTimers())

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the storage warning', () => {
  it('is silent below 80% of the quota, warns past it, and follows usage as it is read again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    let info: StorageInfo = { usage: 500, quota: 1_000, persisted: true }
    const { warning, dispose } = createRoot((dispose) => ({ warning: createStorageWarning(async () => info, 60_000), dispose }))
    await flush()
    expect(warning()).toBeUndefined()
    info = { usage: 900, quota: 1_000, persisted: true }
    vi.advanceTimersByTime(60_000)
    await flush()
    expect(warning()).toEqual(info)
    info = { usage: 100, quota: 1_000, persisted: true } // the rep exported and deleted old sessions
    vi.advanceTimersByTime(60_000)
    await flush()
    expect(warning()).toBeUndefined()
    dispose()
  })

  it('says nothing where the browser cannot tell', async () => {
    const { warning, dispose } = createRoot((dispose) => ({ warning: createStorageWarning(async () => undefined), dispose }))
    await flush()
    expect(warning()).toBeUndefined()
    dispose()
  })
})
