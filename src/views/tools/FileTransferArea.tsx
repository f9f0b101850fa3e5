/**
 * Everything file transfer adds to a chat: the hidden file input behind `Send file`, the
 * `Incoming file` dialog, the transfers list, and the error when a file cannot go.
 * `bind` hands the parent `pick` (for the tool) and `send` (for a file dropped on the message box).
 */
import { Show, createSignal, lazy, type JSX } from 'solid-js'
import type { FileTransfers } from '../../app/tools/fileTransfer'
import type { Entry } from '../../doc/entry'
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS } from '../../doc/schema'
import { formatBytes } from '../../i18n/format'
import { FileTransferList } from './FileTransferList'
import { t } from '../../i18n/i18n'
import { OpenedOnce } from '../shell/OpenedOnce'
import './media.css'

// Fetched with the first offer: the dialog library is not part of the customer page's start (issue 20, bundles).
const FileOfferDialog = lazy(() => import('./FileOfferDialog').then((module) => ({ default: module.FileOfferDialog })))

/** What the parent can do with the area. */
export interface FileSending {
  pick(): void
  send(file: File): void
}

/** Props: the transfers state and a callback receiving the parent's handle. */
export function FileTransferArea(props: {
  transfers: FileTransfers
  bind: (api: FileSending) => void
  maxBytes?: number
  /** The transcript: a finished transfer whose file note is there is shown in that note, not in the list. */
  entries?: Entry[]
}) {
  const [error, setError] = createSignal<string>()
  let input: HTMLInputElement | undefined
  const send = (file: File): void => {
    const result = props.transfers.send(file)
    setError(
      result === 'nameTooLong'
        ? t('files.nameTooLong', { max: MAX_FILE_NAME_CHARS, length: file.name.length })
        : result === 'tooLarge'
          ? t('files.tooLarge', { max: formatBytes(props.maxBytes ?? DEFAULT_MAX_FILE_BYTES) })
          : result === 'noPeer'
            ? t('files.noPeer')
            : undefined,
    )
  }
  props.bind({ pick: () => input?.click(), send })
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          if (file) send(file)
          event.currentTarget.value = ''
        }}
      />
      <Show when={error()}>
        <p role="alert" class="error">{error()}</p>
      </Show>
      <FileTransferList transfers={props.transfers} entries={props.entries} />
      <OpenedOnce when={props.transfers.offer() !== undefined}>
        <FileOfferDialog offer={props.transfers.offer()} onAccept={(key) => props.transfers.accept(key)} onDecline={(key) => props.transfers.decline(key)} />
      </OpenedOnce>
    </>
  )
}

/** Wraps the message box: a file dropped on it is sent. */
export function FileDropZone(props: { onFile: (file: File) => void; children: JSX.Element }) {
  return (
    <div
      class="dropzone"
      onDragOver={(event) => {
        if (event.dataTransfer?.types.includes('Files')) event.preventDefault()
      }}
      onDrop={(event) => {
        const file = event.dataTransfer?.files[0]
        if (!file) return
        event.preventDefault()
        props.onFile(file)
      }}
    >
      {props.children}
    </div>
  )
}
