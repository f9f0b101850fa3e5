/**
 * The console's queue without its code at start: portals and handbacks live in team documents, so a rep
 * in no team has no queue, and the queue's modules (repQueue, handbacks, portal rooms and seals) are a
 * chunk fetched once the rep is in a team (issue 20, bundles). Until then it reads as an empty queue (a
 * rep in no team has no portals to list); an action (creating a portal) waits for the chunk, then acts.
 */
import { createEffect, createSignal, getOwner, runWithOwner } from 'solid-js'
import type { NetworkHub } from '../shell/networkHub'
import type { PrefsStore } from '../shell/prefsStore'
import type { RepWorkspace } from '../console/repWorkspace'
import type { RepQueue } from './repQueue'

const NO_NUMBERS: ReturnType<RepQueue['numbers']> = { waiting: 0, medianWaitMs: undefined, takenToday: [], takenTodayNamed: [] }

/** A RepQueue whose real one is created on first need, in the caller's owner. Must run inside a reactive owner. */
export function createLazyRepQueue(workspace: RepWorkspace, hub: Pick<NetworkHub, 'connect' | 'release'>, origin: string, prefs: PrefsStore): RepQueue {
  const owner = getOwner()
  const [real, setReal] = createSignal<RepQueue>()
  let loading: Promise<RepQueue> | undefined
  // No signal is written until the chunk is in, so a read may ask for it from inside a computation.
  const want = (): Promise<RepQueue> =>
    (loading ??= import('./repQueue').then(
      (module) => {
        const queue = runWithOwner(owner, () => module.createRepQueue(workspace, hub, origin, prefs))
        if (!queue) throw new Error('the console is gone')
        setReal(queue)
        return queue
      },
      (cause: unknown) => {
        loading = undefined // offline before the chunk was cached: the next need tries again
        throw cause
      },
    ))
  createEffect(() => {
    if (workspace.teams().length > 0) void want().catch(() => undefined)
  })
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
