// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { createRoot } from 'solid-js'
import { render } from 'solid-js/web'
import { FileTransferArea, type FileSending } from '../../src/views/tools/FileTransferArea'
import { createFileTransfers, MAX_FILE_NAME_CHARS, type FileTransfers } from '../../src/app/tools/fileTransfer'
import { setLang } from '../../src/i18n/i18n'

afterEach(() => {
  setLang('en')
  document.body.textContent = ''
})

/** A name of exactly `length` characters ending in `.txt`. */
function nameOf(length: number): string {
  return `${'n'.repeat(length - 4)}.txt`
}

/** Real transfers of one side with nobody connected, and the area rendered around them. */
function mount(): { root: HTMLElement; transfers: FileTransfers; sending: FileSending } {
  const root = document.body.appendChild(document.createElement('div'))
  let transfers!: FileTransfers
  let sending!: FileSending
  createRoot(() => {
    transfers = createFileTransfers({ connection: () => undefined, recipient: () => true, note: () => undefined })
  })
  render(() => <FileTransferArea transfers={transfers} bind={(api) => (sending = api)} />, root)
  return { root, transfers, sending }
}

describe('sending a file whose name is too long', () => {
  test('is refused before any offer, with a translated message naming both lengths', () => {
    const tooLong = new File(['hello'], nameOf(MAX_FILE_NAME_CHARS + 1))
    const { root, transfers, sending } = mount()
    expect(transfers.send(tooLong)).toBe('nameTooLong')
    sending.send(tooLong)
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      `This file’s name is ${MAX_FILE_NAME_CHARS + 1} characters long; the limit is ${MAX_FILE_NAME_CHARS}. Rename the file and send it again.`,
    )
    expect(transfers.list()).toEqual([])
  })

  test('a name exactly at the limit passes the name check (here nobody is connected, so it says that instead)', () => {
    const { root, transfers, sending } = mount()
    const atLimit = new File(['hello'], nameOf(MAX_FILE_NAME_CHARS))
    expect(transfers.send(atLimit)).toBe('noPeer')
    sending.send(atLimit)
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Nobody on the other side is connected to receive a file right now.')
  })

  test('speaks Spanish when the UI does', () => {
    setLang('es')
    const { root, sending } = mount()
    sending.send(new File(['hello'], nameOf(300)))
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      `El nombre de este archivo tiene 300 caracteres; el límite es ${MAX_FILE_NAME_CHARS}. Cambie el nombre del archivo y envíelo de nuevo.`,
    )
  })
})
