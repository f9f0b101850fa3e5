/**
 * The dialogs a rep's request opens on the customer page (share the screen, send login credentials): each
 * a chunk fetched when its request first arrives, not with the page (issue 20, bundles). Their models and
 * strings load then too (src/app/customer/customerTools.ts); until a request is pending there is nothing to
 * show, and the dialog mounts already open, taking focus as if it had been there all along (lazyPart.tsx).
 */
import type { Component } from 'solid-js'
import type { CustomerScreen } from '../../app/tools/screenShare'
import type { CustomerCredentials } from '../../app/tools/credentials'
import { lazyPart } from '../shell/lazyPart'

type ScreenProps = { screen: CustomerScreen }
type CredentialsProps = { credentials: CustomerCredentials }

/** The dialogs' chunks (parameters for tests). */
export interface RequestDialogChunks {
  screen: () => Promise<Component<ScreenProps>>
  credentials: () => Promise<Component<CredentialsProps>>
}

const chunks: RequestDialogChunks = {
  screen: () => import('./ScreenShareRequest').then((module) => module.ScreenShareRequest),
  credentials: () => import('./CredentialsRequestDialog').then((module) => module.CredentialsRequestDialog),
}

/** Makes the two dialogs, each rendering nothing (and fetching nothing) until its request is pending or, for the screen, sharing. */
export function makeRequestDialogs(load: RequestDialogChunks = chunks): { ScreenShareRequest: Component<ScreenProps>; CredentialsRequestDialog: Component<CredentialsProps> } {
  return {
    ScreenShareRequest: lazyPart(load.screen, (props) => props.screen.pending() !== undefined || props.screen.sharing()),
    CredentialsRequestDialog: lazyPart(load.credentials, (props) => props.credentials.pending() !== undefined),
  }
}
