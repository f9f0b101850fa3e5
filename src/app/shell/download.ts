/** Saving a file the page made (an export) through the browser's download, with no server involved. */

/**
 * How long the object URL stays valid after the click. Firefox and Safari
 * start the download asynchronously, so revoking at once can cancel it.
 */
const REVOKE_AFTER_MS = 60_000

/** Offers `content` as a download named `name` (Blob + object URL + a temporary `<a download>`). */
export function downloadFile(name: string, mime: string, content: string | Blob, doc: Document = document): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: mime }) : content
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  link.hidden = true
  doc.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
}
