/** The Team dialog's model: the teams' names, the current team's members and who of them is online, its link. */
import type { Accessor } from 'solid-js'
import { readReps, type TeamRep } from '../../doc/team'
import { createConnectionsReader, createFollowingReader } from '../shell/createDocReader'
import type { RepWorkspace } from './repWorkspace'
import { teamLink, teamName } from './teamConnection'

/** A team as the dialog lists it. */
export interface TeamChoice {
  teamId: string
  name: string
}

/** What the Team dialog renders. */
export interface TeamView {
  choices: Accessor<TeamChoice[]>
  /** Members of the current team. */
  members: Accessor<TeamRep[]>
  /** Ids of the current team's members online now. */
  online: Accessor<string[]>
  /** The current team's invite link. */
  link: Accessor<string | undefined>
}

/** Follows the workspace's teams. Must run inside a reactive owner. */
export function createTeamView(workspace: RepWorkspace, origin: string): TeamView {
  const current = () => workspace.teams().find((team) => team.membership.teamId === workspace.currentTeamId())
  return {
    choices: () => workspace.teams().map((team) => ({ teamId: team.membership.teamId, name: teamName(team) })),
    members: createFollowingReader(() => current()?.doc, readReps, []),
    online: createConnectionsReader(
      () => workspace.teams().map((team) => team.connection),
      () => current()?.connection.onlineUsers().map((user) => user.id) ?? [],
    ),
    link: () => {
      const team = current()
      return team && teamLink(origin, team.membership)
    },
  }
}
