/**
 * The console's queue without its code at start: portals and handed-back sessions live in the team
 * documents, so a team with neither has nothing to queue, and the queue's modules (repQueue, handbacks)
 * are a chunk fetched once a team of the rep's has a portal or a handback (issue 20, bundles). Until
 * then it reads as an empty queue; an action (creating the first portal) waits for the chunk, then acts.
 */
import { createEffect, createSignal, getOwner, on, onCleanup, runWithOwner } from 'solid-js'
import type * as Y from 'yjs'
import { portalsMap } from '../../doc/teamPortals'
import { HANDBACK_MAPS } from '../../doc/handbacks'
import type { NetworkHub } from '../shell/networkHub'
import type { PrefsStore } from '../shell/prefsStore'
import type { RepWorkspace } from '../console/repWorkspace'
import type { RepQueue } from './repQueue'

/** Whether a team document holds anything the queue shows: a portal, or a session handed back. */
function hasQueueWork(doc: Y.Doc): boolean {
  return portalsMap(doc).size > 0 || doc.getMap(HANDBACK_MAPS[0]).size > 0
}

const NO_NUMBERS: ReturnType<RepQueue['numbers']> = { waiting: 0, medianWaitMs: undefined, takenToday: [], takenTodayNamed: [] }

/** A RepQueue whose real one is created on first need, in the caller's owner. Must run inside a reactive owner. */
export function createLazyRepQueue(workspace: RepWorkspace, hub: Pick<NetworkHub, 'connect' | 'release'>, origin: string, prefs: PrefsStore): RepQueue {
  const owner = getOwner()
  const [real, setReal] = createSignal<RepQueue>()
  let loading: Promise<RepQueue> | undefined
  // No signal is written until the chunk is in, so a read may ask for it from inside a computation.
  /** `arrived`: loaded because a portal or handback just came in (announced), not found on opening a team. */
  const want = (arrived = false): Promise<RepQueue> =>
    (loading ??= import('./repQueue').then(
      (module) => {
        const queue = runWithOwner(owner, () => module.createRepQueue(workspace, hub, origin, prefs, undefined, arrived))
        if (!queue) throw new Error('the console is gone')
        setReal(queue)
        return queue
      },
      (cause: unknown) => {
        loading = undefined // offline before the chunk was cached: the next need tries again
        throw cause
      },
    ))
  // Every rep has a team (their own), mostly without portals: its updates are watched for the first one.
  createEffect(
    on(workspace.teams, (teams) => {
      const check = (arrived: boolean): void => {
        if (!loading && teams.some((team) => hasQueueWork(team.doc))) void want(arrived).catch(() => undefined)
      }
      check(false)
      const onUpdate = (): void => check(true)
      for (const team of teams) team.doc.on('update', onUpdate)
      onCleanup(() => teams.forEach((team) => team.doc.off('update', onUpdate)))
    }),
  )
  return {
    items: () => real()?.items() ?? [],
    outcomes: () => real()?.outcomes() ?? [],
    arrivals: () => real()?.arrivals() ?? [],
    portals: () => real()?.portals() ?? [],
    numbers: () => real()?.numbers() ?? NO_NUMBERS,
    age: (item) => real()?.age(item) ?? { seconds: 0, colour: 'green' },
    createPortal: async (input) => (await want()).createPortal(input),
    take: async (item) => (await want()).take(item),
    reject: async (item, spam) => (await want()).reject(item, spam),
  }
}
