/** Rep devices of one team for tests of its session index: a clock each reads, a disk that keeps what closes, a shared fake network. */
import * as Y from 'yjs'
import { openTeamPeriods } from '../../src/app/console/teamPeriods'
import { makeFakeHub } from './fakeHub'

const SECRET = 'c2VjcmV0LXNlY3JldC1zZWNyZXQ'

/** A device's databases, as IndexedDB keeps them: a day closed and opened again loads what was written. */
export function fakeDisk() {
  const saved = new Map<string, Uint8Array>()
  return (doc: Y.Doc, name: string) => {
    const stored = saved.get(name)
    if (stored) Y.applyUpdate(doc, stored)
    const save = (): void => void saved.set(name, Y.encodeStateAsUpdate(doc))
    doc.on('update', save)
    return Promise.resolve({ close: () => Promise.resolve(doc.off('update', save)), clear: () => Promise.resolve(void saved.delete(name)) })
  }
}

/** A rep's device: its own clock reading, team doc, disk and record of the last day, on a network shared with `rooms`. */
export function device(rooms: Map<string, Set<never>>, clock: { now: number }) {
  let last: string | undefined
  const persist = fakeDisk()
  const hub = makeFakeHub(rooms as never)
  const teamDoc = new Y.Doc()
  const open = () =>
    openTeamPeriods({
      hub,
      teamId: 'team-1',
      secret: SECRET,
      teamDoc,
      now: () => clock.now,
      persist,
      lastDay: {
        read: () => Promise.resolve(last),
        write: (day) => Promise.resolve(void (last = day)),
      },
    })
  return { teamDoc, open, hub }
}

