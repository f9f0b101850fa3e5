/** The rep's team doc: loaded from this device, then synced in the team room. */
import * as Y from 'yjs'
import { initTeamDoc, putRep, readReps } from '../doc/team'
import { metaMap } from '../doc/session'
import { docDatabaseName, persistDoc } from '../store/persistDoc'
import type { RepProfile, TeamMembership } from '../store/profile'
import type { NetworkHub } from './networkHub'

/** Opens the team doc and makes sure this rep is in its directory. */
export async function openTeamDoc(hub: NetworkHub, team: TeamMembership, profile: RepProfile): Promise<Y.Doc> {
  const doc = new Y.Doc()
  await persistDoc(doc, docDatabaseName('team', team.teamId))
  if (!metaMap(doc).has('teamId')) initTeamDoc(doc, team.teamId, team.name)
  if (!readReps(doc).some((rep) => rep.repId === profile.repId && rep.name === profile.name)) {
    putRep(doc, { repId: profile.repId, name: profile.name })
  }
  const connection = await hub.connect(doc, 'team', team.teamId, team.secret)
  connection.setUser({ id: profile.repId, name: profile.name, role: 'rep' })
  return doc
}
