/** The unread count in the page title ("(3) Asiste"), so a rep on another browser tab sees that customers wrote. */
import { createEffect, onCleanup, type Accessor } from 'solid-js'
import { formatNumber, t } from '../../i18n/i18n'

/**
 * Keeps `document.title` as the page's own title, prefixed with the unread count while there is one. The
 * title is written in a task of its own: a new message should not pay for the browser's title update in the
 * task that applied it (issue 20, send path).
 */
export function useUnreadTitle(unread: Accessor<number>): void {
  const base = document.title
  let pending: ReturnType<typeof setTimeout> | undefined
  let title = base
  createEffect(() => {
    const count = unread()
    title = count > 0 ? t('console.titleUnread', { count: formatNumber(count), title: base }) : base
    pending ??= setTimeout(() => {
      pending = undefined
      if (document.title !== title) document.title = title
    }, 0)
  })
  onCleanup(() => {
    if (pending !== undefined) clearTimeout(pending)
    document.title = base
  })
}
