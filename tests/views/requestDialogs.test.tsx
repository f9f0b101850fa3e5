// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest'
import { createSignal, type Component } from 'solid-js'
import { render } from 'solid-js/web'
import { makeRequestDialogs, type RequestDialogChunks } from '../../src/views/customer/requestDialogs'
import type { CustomerScreen } from '../../src/app/tools/screenShare'
import type { CustomerCredentials } from '../../src/app/tools/credentials'

afterEach(() => {
  document.body.textContent = ''
})

type Pending = { repName: string } | undefined

function fakeCredentials(pending: () => Pending): CustomerCredentials {
  return { pending, send: () => Promise.resolve(), decline: () => undefined } as unknown as CustomerCredentials
}

function fakeScreen(pending: () => Pending, sharing: () => boolean): CustomerScreen {
  return { pending, sharing, accept: () => Promise.resolve(), decline: () => undefined, stop: () => undefined } as unknown as CustomerScreen
}

/** Stand-ins for the real dialogs: they show whose request they answer. */
const CredentialsStandIn: Component<{ credentials: CustomerCredentials }> = (props) => <p role="dialog">credentials for {props.credentials.pending()?.repName}</p>
const ScreenStandIn: Component<{ screen: CustomerScreen }> = (props) => <p role="dialog">{props.screen.sharing() ? 'sharing' : `screen for ${props.screen.pending()?.repName}`}</p>

test('no request, no fetch: a dialog\'s chunk is fetched when its request arrives, and the request then shows', async () => {
  const load: RequestDialogChunks = { screen: vi.fn(() => Promise.resolve(ScreenStandIn)), credentials: vi.fn(() => Promise.resolve(CredentialsStandIn)) }
  const { CredentialsRequestDialog, ScreenShareRequest } = makeRequestDialogs(load)
  const [pending, setPending] = createSignal<Pending>()
  const root = document.body.appendChild(document.createElement('div'))
  render(() => (
    <>
      <CredentialsRequestDialog credentials={fakeCredentials(pending)} />
      <ScreenShareRequest screen={fakeScreen(() => undefined, () => false)} />
    </>
  ), root)
  await Promise.resolve()
  expect(load.credentials).not.toHaveBeenCalled()
  expect(load.screen).not.toHaveBeenCalled()
  expect(root.textContent).toBe('')
  setPending({ repName: 'Rita' })
  await vi.waitFor(() => expect(root.textContent).toBe('credentials for Rita'))
  expect(load.credentials).toHaveBeenCalledTimes(1)
  expect(load.screen).not.toHaveBeenCalled()
})

test('a screen request pending before the page rendered (a reload) shows once its chunk is in; sharing keeps it mounted', async () => {
  const load: RequestDialogChunks = { screen: vi.fn(() => Promise.resolve(ScreenStandIn)), credentials: vi.fn(() => Promise.resolve(CredentialsStandIn)) }
  const { ScreenShareRequest } = makeRequestDialogs(load)
  const [pending, setPending] = createSignal<Pending>({ repName: 'Rita' })
  const [sharing, setSharing] = createSignal(false)
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <ScreenShareRequest screen={fakeScreen(pending, sharing)} />, root)
  await vi.waitFor(() => expect(root.textContent).toBe('screen for Rita'))
  setSharing(true)
  setPending(undefined)
  expect(root.textContent).toBe('sharing')
  expect(load.screen).toHaveBeenCalledTimes(1)
})

test('a fetch that failed (offline) is tried again by the next request, which then shows', async () => {
  const credentials = vi.fn<() => Promise<Component<{ credentials: CustomerCredentials }>>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(CredentialsStandIn)
  const { CredentialsRequestDialog } = makeRequestDialogs({ screen: () => Promise.resolve(ScreenStandIn), credentials })
  const [pending, setPending] = createSignal<Pending>({ repName: 'Rita' })
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <CredentialsRequestDialog credentials={fakeCredentials(pending)} />, root)
  await vi.waitFor(() => expect(credentials).toHaveBeenCalledTimes(1))
  await Promise.resolve()
  expect(root.textContent).toBe('')
  setPending(undefined)
  setPending({ repName: 'Raúl' })
  await vi.waitFor(() => expect(root.textContent).toBe('credentials for Raúl'))
  expect(credentials).toHaveBeenCalledTimes(2)
})
