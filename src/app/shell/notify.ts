/**
 * The browser APIs that tell a rep about a customer message while the console
 * is in the background: page visibility, a Web Audio beep, system
 * notifications and the app badge. Views reach them only through this module.
 */

/** Notification permission, or `unsupported` when the browser has no Notification API. */
export type NotifyPermission = NotificationPermission | 'unsupported'

/** A system notification to show. */
export interface NotifyMessage {
  title: string
  body: string
  /** Replaces an earlier notification with the same tag (one per session). */
  tag: string
  /** Runs when the rep clicks it, after the window is focused. */
  onClick: () => void
}

/** What the console needs from the browser to get the rep's attention. */
export interface Notifier {
  /** Whether the page is in the background. */
  isHidden(): boolean
  /** Calls `listener` whenever the page is shown or hidden; returns the unsubscribe. */
  onVisibilityChange(listener: () => void): () => void
  permission(): NotifyPermission
  /** Asks the browser for permission. Call only from a user action (a click). */
  requestPermission(): Promise<NotifyPermission>
  /** Shows a system notification if permission is granted. */
  notify(message: NotifyMessage): void
  /** A short beep. */
  beep(): void
  /** Shows `count` on the installed app's icon (cleared at 0), where supported. */
  setBadge(count: number): void
}

const BEEP_HZ = 880 // an A5: audible on laptop speakers, not shrill
const BEEP_S = 0.18 // long enough to notice, short enough not to annoy on every message
const BEEP_GAIN = 0.15 // well under full scale: a notification, not an alarm

type AudioContextCtor = new () => AudioContext
type BadgeNavigator = Navigator & { setAppBadge?: (count?: number) => Promise<void>; clearAppBadge?: () => Promise<void> }

/** The notifier over the real browser window. */
export function createBrowserNotifier(win: Window & typeof globalThis = window): Notifier {
  let audio: AudioContext | undefined
  const doc = win.document
  const NotificationApi = 'Notification' in win ? win.Notification : undefined
  return {
    isHidden: () => doc.visibilityState === 'hidden',
    onVisibilityChange(listener) {
      doc.addEventListener('visibilitychange', listener)
      return () => doc.removeEventListener('visibilitychange', listener)
    },
    permission: () => NotificationApi?.permission ?? 'unsupported',
    async requestPermission() {
      if (!NotificationApi) return 'unsupported'
      try {
        return await NotificationApi.requestPermission()
      } catch (cause) {
        console.warn('notification permission request failed', cause)
        return NotificationApi.permission
      }
    },
    notify(message) {
      if (NotificationApi?.permission !== 'granted') return
      try {
        const shown = new NotificationApi(message.title, { body: message.body, tag: message.tag })
        shown.onclick = () => {
          win.focus()
          message.onClick()
          shown.close()
        }
      } catch (cause) {
        // Chrome on Android allows notifications only from a service worker; the badge and sound still work.
        console.warn('could not show a notification', cause)
      }
    },
    beep() {
      const Ctor = (win.AudioContext ?? (win as unknown as { webkitAudioContext?: AudioContextCtor }).webkitAudioContext) as AudioContextCtor | undefined
      if (!Ctor) return
      try {
        audio ??= new Ctor()
        void audio.resume().catch(() => undefined)
        const start = audio.currentTime
        const oscillator = audio.createOscillator()
        const gain = audio.createGain()
        oscillator.frequency.value = BEEP_HZ
        gain.gain.setValueAtTime(BEEP_GAIN, start)
        gain.gain.exponentialRampToValueAtTime(0.001, start + BEEP_S)
        oscillator.connect(gain).connect(audio.destination)
        oscillator.start(start)
        oscillator.stop(start + BEEP_S)
      } catch (cause) {
        console.warn('could not play the chat sound', cause)
      }
    },
    setBadge(count) {
      const nav = win.navigator as BadgeNavigator
      const done = count > 0 ? nav.setAppBadge?.(count) : nav.clearAppBadge?.()
      void done?.catch(() => undefined) // not installed, or the platform has no badges
    },
  }
}
