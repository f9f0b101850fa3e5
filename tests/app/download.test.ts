// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { downloadFile } from '../../src/app/shell/download'

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('downloadFile', () => {
  test('clicks a temporary <a download> on an object URL of the content, then revokes the URL', async () => {
    vi.useFakeTimers()
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/1')
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const clicked: Array<{ href: string; download: string; inPage: boolean }> = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inPage: this.isConnected })
    })

    downloadFile('asiste-s-2026-01-02.txt', 'text/plain;charset=utf-8', 'héllo\n')

    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'asiste-s-2026-01-02.txt', inPage: true }])
    expect(document.querySelectorAll('a')).toHaveLength(0)
    const blob = created.mock.calls[0]?.[0] as Blob
    expect(blob.type).toBe('text/plain;charset=utf-8')
    expect(await blob.text()).toBe('héllo\n')
    expect(revoked).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(revoked).toHaveBeenCalledWith('blob:test/1')
  })
})
