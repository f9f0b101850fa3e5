/** A team doc on this device: loaded locally, then synced in the team room. */
import * as Y from 'yjs'
import { initTeamDoc, putRep, readReps } from '../../doc/team'
import { metaMap } from '../../doc/session'
import { pruneTeamDoc } from '../../doc/teamRetention'
import type { DocConnection } from '../../net/connectDoc'
import { docDatabaseName, persistDoc } from '../../store/persistDoc'
import type { RepProfile, TeamMembership } from '../../store/profile'
import type { NetworkHub } from '../shell/networkHub'
import { openTeamPeriods, type TeamPeriods } from './teamPeriods'
import { createTeamCoordination, type TeamCoordination } from './coordination'

/** An open team. */
export interface OpenTeam {
  membership: TeamMembership
  doc: Y.Doc
  connection: DocConnection
  /** The team's session index: one document per UTC day (src/app/console/teamPeriods.ts). */
  sessions: TeamPeriods
  /** Invitations and handbacks, in the day documents (src/app/console/coordination.ts). */
  coordination: TeamCoordination
}

/** Opens a team doc and today's session index, and makes sure this rep is in its directory; only the creator writes the team's meta. */
export async function openTeamDoc(hub: NetworkHub, membership: TeamMembership, profile: RepProfile, creating = false): Promise<OpenTeam> {
  const doc = new Y.Doc()
  await persistDoc(doc, docDatabaseName('team', membership.teamId))
  if (creating && !metaMap(doc).has('teamId')) initTeamDoc(doc, membership.teamId, membership.name)
  // What older versions left of settled invitations and handbacks in the team doc leaves it (src/doc/teamRetention.ts).
  pruneTeamDoc(doc, Date.now())
  if (!readReps(doc).some((rep) => rep.repId === profile.repId && rep.name === profile.name)) {
    putRep(doc, { repId: profile.repId, name: profile.name })
  }
  const connection = await hub.connect(doc, 'team', membership.teamId, membership.secret)
  connection.setUser({ id: profile.repId, name: profile.name, role: 'rep' })
  const sessions = await openTeamPeriods({ hub, teamId: membership.teamId, secret: membership.secret, teamDoc: doc })
  return { membership, doc, connection, sessions, coordination: createTeamCoordination(doc, sessions) }
}

/** The team's name as its creator wrote it, else the name this device knows it by. */
export function teamName(team: OpenTeam): string {
  const name = metaMap(team.doc).get('name')
  return typeof name === 'string' && name.length <= 80 && name.trim() !== '' ? name : team.membership.name
}

/** A team link: the secret rides in the fragment, so it never reaches a server. */
export function teamLink(origin: string, membership: TeamMembership): string {
  return `${origin}/#/team/${membership.teamId}.${membership.secret}`
}

/** Reads a team link (or just its fragment); undefined when it is not one. */
export function parseTeamLink(text: string): { teamId: string; secret: string } | undefined {
  const match = /#\/team\/([A-Za-z0-9_-]{6,64})\.([A-Za-z0-9_-]{22,64})\s*$/.exec(text.trim())
  return match?.[1] && match[2] ? { teamId: match[1], secret: match[2] } : undefined
}
