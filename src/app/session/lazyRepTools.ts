/**
 * A rep's screen sharing and credential requests without their code at the console's start: each is a
 * chunk (src/app/tools/screenShare.ts, credentials.ts) created the first time the session has a use for
 * it — the rep asks, or the customer doc already holds a request of that kind (made by a team mate, or
 * before a reload, whose answer must still be opened), with the media tools' strings. A rep's press waits for the chunk, then acts.
 */
import { createEffect, getOwner, runWithOwner, type Accessor } from 'solid-js'
import { requestsMap } from '../../doc/screenRequests'
import { credentialsMap } from '../../doc/credentialRequests'
import { createDocReader } from '../shell/createDocReader'
import { firstUse } from '../shell/firstUse'
import { loadStrings } from '../../i18n/i18n'
import type { RepScreen } from '../tools/screenShare'
import type { RepCredentials } from '../tools/credentials'
import type { RepSession } from './repSession'

/** Loads when the session's customer doc holds a request of the kind (or at once if it does now). */
function wantWhen(hasRequest: Accessor<boolean>, want: () => Promise<unknown>): void {
  createEffect(() => {
    if (hasRequest()) void want().catch(() => undefined)
  })
}

/** The rep's view of the customer's screen, its code loaded on first use. Must run inside a reactive owner. */
export function createLazyRepScreen(session: RepSession): RepScreen {
  const owner = getOwner()
  const { current: real, use: want } = firstUse(async () => {
    const [{ createRepScreen }] = await Promise.all([import('../tools/screenShare'), loadStrings('media')])
    const screen = runWithOwner(owner, () => createRepScreen(session))
    if (!screen) throw new Error('the session is closed')
    return screen
  })
  wantWhen(createDocReader(session.customerDoc, (doc) => requestsMap(doc).size > 0), want)
  return {
    stream: () => real()?.stream(),
    state: () => real()?.state(),
    request: (rep) => void want().then((screen) => screen.request(rep)),
  }
}

/** The rep's credential requests, their code loaded on first use. Must run inside a reactive owner. */
export function createLazyRepCredentials(session: RepSession): RepCredentials {
  const owner = getOwner()
  const { current: real, use: want } = firstUse(async () => {
    const [{ createRepCredentials }] = await Promise.all([import('../tools/credentials'), loadStrings('media')])
    const credentials = runWithOwner(owner, () => createRepCredentials(session))
    if (!credentials) throw new Error('the session is closed')
    return credentials
  })
  wantWhen(createDocReader(session.customerDoc, (doc) => credentialsMap(doc).size > 0), want)
  return {
    revealed: () => real()?.revealed(),
    pending: () => real()?.pending() ?? false,
    request: async (rep) => (await want()).request(rep),
    dismiss: () => real()?.dismiss(),
  }
}
