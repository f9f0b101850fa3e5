/** The unread count in the page title ("(3) Asiste"), so a rep on another browser tab sees that customers wrote. */
import { createEffect, onCleanup, type Accessor } from 'solid-js'
import { formatNumber, t } from '../../i18n/i18n'

/** Keeps `document.title` as the page's own title, prefixed with the unread count while there is one. */
export function useUnreadTitle(unread: Accessor<number>): void {
  const base = document.title
  createEffect(() => {
    const count = unread()
    document.title = count > 0 ? t('console.titleUnread', { count: formatNumber(count), title: base }) : base
  })
  onCleanup(() => (document.title = base))
}
