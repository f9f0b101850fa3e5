/**
 * The console's queue without its code at start: portals and handed-back sessions live in the team
 * documents, so a team with neither has nothing to queue, and the queue's modules (repQueue, handbacks)
 * are a chunk fetched once a team of the rep's has a portal or a handback (issue 20, bundles). Until
 * then it reads as an empty queue; an action (creating the first portal) waits for the chunk, then acts.
 */
import { createEffect, getOwner, on, onCleanup, runWithOwner } from 'solid-js'
import { portalsMap } from '../../doc/teamPortalsMap'
import { loadStrings } from '../../i18n/i18n'
import { firstUse } from '../shell/firstUse'
import type { NetworkHub } from '../shell/networkHub'
import type { PrefsStore } from '../shell/prefsStore'
import type { OpenTeam, RepWorkspace } from '../console/repWorkspace'
import type { RepQueue } from './repQueue'

/** Whether a team holds anything the queue shows: a portal (team doc), or a session handed back (its day documents). */
function hasQueueWork(team: OpenTeam): boolean {
  return portalsMap(team.doc).size > 0 || team.coordination.handbacks().length > 0
}

const NO_NUMBERS: ReturnType<RepQueue['numbers']> = { waiting: 0, medianWaitMs: undefined, takenToday: [], takenTodayNamed: [] }

/** A RepQueue whose real one is created on first need, in the caller's owner. Must run inside a reactive owner. */
export function createLazyRepQueue(workspace: RepWorkspace, hub: Pick<NetworkHub, 'connect' | 'release'>, origin: string, prefs: PrefsStore): RepQueue {
  const owner = getOwner()
  // `arrived`: loaded because a portal or handback just came in (then announced), not found on opening a team.
  const queue = firstUse(async (arrived: boolean = false) => {
    // Its strings with it: the queue announces what just arrived (a notification) as soon as it is made.
    const [module] = await Promise.all([import('./repQueue'), loadStrings('queue')])
    const made = runWithOwner(owner, () => module.createRepQueue(workspace, hub, origin, prefs, undefined, arrived))
    if (!made) throw new Error('the console is gone')
    return made
  })
  const real = queue.current
  const want = (arrived = false): Promise<RepQueue> => queue.use(arrived)
  // Every rep has a team (their own), mostly without portals: its portals and handbacks are watched for the first one.
  createEffect(
    on(workspace.teams, (teams) => {
      const check = (arrived: boolean): void => {
        if (!queue.started() && teams.some(hasQueueWork)) void want(arrived).catch(() => undefined)
      }
      check(false)
      const onUpdate = (): void => check(true)
      const stops = teams.map((team) => team.coordination.observe(onUpdate))
      for (const team of teams) portalsMap(team.doc).observe(onUpdate)
      onCleanup(() => {
        stops.forEach((stop) => stop())
        teams.forEach((team) => portalsMap(team.doc).unobserve(onUpdate))
      })
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
