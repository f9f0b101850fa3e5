/**
 * The saved last screenful of a reopened session (issue 20, big session open) without its views at the
 * console's start (issue 20, bundles): a new session has no snapshot, so most console starts never load
 * them. When a console reopens with a tab in front, the chunk is asked for at once (prefetchSnapshotViews), and
 * the tab's documents wait for its rows to show (src/app/console/paintGate.ts). Should the chunk
 * fail to load (offline before the service worker cached it), the opening tab shows no rows and the
 * session view shows its transcript uncovered: nothing is hidden for want of a cover.
 */
import { Show, createSignal, untrack, type ComponentProps } from 'solid-js'
import { useConsole } from '../../app/shell/appContext'
import { makeLoader, WhenWanted } from '../shell/lazyPart'

const parts = makeLoader(() => import('./snapshotParts'))

/**
 * Starts loading the snapshot's views ahead of need: a console reopened with a tab in front most likely opens it
 * with its saved rows, and the chunk then arrives while the profile and teams load instead of after them.
 */
export function prefetchSnapshotViews(): void {
  void parts.want()
}

/** The opening session `sessionId` with its snapshot rows, in its tab panel (nothing when it has no snapshot). */
export function LazyOpeningSession(props: { sessionId: string }) {
  const { workspace } = useConsole()
  return (
    <Show when={workspace.snapshot(props.sessionId) !== undefined}>
      <WhenWanted when loader={parts}>
        {(loaded) => <loaded.OpeningSession sessionId={props.sessionId} />}
      </WhenWanted>
    </Show>
  )
}

type CoverProps = ComponentProps<typeof import('./SnapshotCover').SnapshotCover>

/** A CoverWhenSnapshot over `loader`'s chunk (tests hand in one that fails). */
export function createCoverWhenSnapshot(loader: ReturnType<typeof makeLoader<typeof import('./snapshotParts')>>) {
  return (props: CoverProps) => {
    const rows = untrack(() => props.rows)
    if (rows === undefined) return <>{props.children}</>
    const [failed, setFailed] = createSignal(false)
    void loader.want().then((loaded) => loaded === undefined && setFailed(true))
    return (
      <Show when={loader.get()} fallback={<Show when={failed()}>{props.children}</Show>}>
        {(loaded) => {
          const Cover = loaded().SnapshotCover
          return untrack(() => <Cover {...props} rows={rows} />)
        }}
      </Show>
    )
  }
}

/** `children` (the real transcript), under the snapshot's cover when the session opened with one (read once, at mount). */
export const CoverWhenSnapshot = createCoverWhenSnapshot(parts)
