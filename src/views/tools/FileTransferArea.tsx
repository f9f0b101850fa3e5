/**
 * What file transfer adds next to the composer: the hidden file input behind `Send file` and the
 * error when a file cannot go. Offers and transfers themselves show in the transcript, inside
 * their `fileOffered` note (FileOfferEntry.tsx), so nothing piles up above the composer.
 * `bind` hands the parent `pick` (for the tool) and `send` (for a file dropped on the message box).
 */
import { Show, createSignal, type JSX } from 'solid-js'
import type { FileTransfers, SendResult } from '../../app/tools/fileTransfer'
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS } from '../../doc/schema'
import { formatBytes } from '../../i18n/format'
import { t } from '../../i18n/i18n'
import './media.css'

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
}) {
  const [error, setError] = createSignal<string>()
  let input: HTMLInputElement | undefined
  const send = (file: File): void => {
    const said = (result: SendResult): void => {
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
    // The customer's first file waits for the transfers' code (src/app/customer/customerTools.ts).
    const result = props.transfers.send(file)
    if (typeof result === 'string') said(result)
    else
      void result.then(said, (cause: unknown) => {
        // The transfers' code could not be fetched (offline before the app was cached): say so; the next Send tries again.
        setError(t('error.generic', { message: cause instanceof Error ? cause.message : String(cause) }))
      })
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
