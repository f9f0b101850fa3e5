// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { render } from 'solid-js/web'
import { FileTransferList } from '../../src/views/tools/FileTransferList'
import type { FileTransfers, Transfer } from '../../src/app/tools/fileTransfer'

afterEach(() => {
  document.body.textContent = ''
})

function transfersOf(list: Transfer[]): FileTransfers {
  const none = (): void => undefined
  return { list: () => list, offer: () => undefined, send: () => 'sent', accept: none, decline: none, cancel: none, save: none }
}

test('a received image shows an inline preview named by its file name; other files do not', () => {
  const root = document.body.appendChild(document.createElement('div'))
  const base = { direction: 'in', size: 10, peer: 'Carla', phase: 'done', bytes: 10 } as const
  render(() => <FileTransferList transfers={transfersOf([{ ...base, key: 'a', name: 'screen.png', preview: 'blob:preview-a' }, { ...base, key: 'b', name: 'notes.txt' }])} />, root)
  const images = [...root.querySelectorAll('img')]
  expect(images.map((img) => [img.getAttribute('src'), img.getAttribute('alt')])).toEqual([['blob:preview-a', 'screen.png']])
})
