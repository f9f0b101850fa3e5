import { teamEn } from './teamStrings'
import { portalEn } from './portalStrings'
import { securityEn } from './securityStrings'
import { intakeEn } from './intakeStrings'
import { limitsEn } from './limitsStrings'
import { mediaEn } from './mediaStrings'
import { richEn } from './richStrings'
import { notesEn } from './noteStrings'

import type { ConsoleKey } from './consoleStrings'
import type { MediaToolKey } from './mediaToolStrings'
import type { ExportKey } from './exportStrings'
import type { QueueKey } from './queueStrings'

/**
 * English catalog of every page: the source of every user-visible string but the rep console's own
 * (`consoleStrings.ts`, fetched before the console renders), so the customer page loads none of those.
 */
export const en = {
  appName: 'Asiste',
  loading: 'Loading…',
  'console.titleUnread': '({{count}}) {{title}}',
  'connection.label': 'Connection',
  'connection.online': 'Online',
  'connection.offline': 'Offline',
  'connection.connecting': 'Connecting',
  'connection.peers.one': '{{count}} connected',
  'connection.peers.other': '{{count}} connected',
  'transcript.label': 'Transcript',
  'transcript.count.one': '{{count}} message',
  'transcript.count.other': '{{count}} messages',
  'transcript.empty': 'No messages yet.',
  'transcript.jumpToLatest': 'Jump to latest',
  'entry.you': 'You',
  'entry.rep': 'Representative',
  'entry.customer': 'Customer',
  'status.sessionStarted': 'Session started by {{name}}',
  'status.joined': '{{name}} joined the session',
  'status.left': '{{name}} left the session',
  'status.ended': 'Session ended by {{name}}',
  'composer.label': 'Message',
  'composer.placeholder': 'Type a message — Enter sends, Shift+Enter adds a line',
  'composer.send': 'Send',
  'composer.tooLong': 'This message is {{length}} characters long; the limit is {{max}}. Shorten it or send it in parts.',
  'composer.pasteTooLong': 'Not pasted: the message would be {{length}} characters long, and the limit is {{max}}. Your draft is unchanged; paste a shorter part or send it as a file.',
  'composer.offlineHint': 'You are offline: messages are saved and sent when you are back.',
  'customer.title': 'Support chat',
  'customer.chatWith': 'Chat with {{name}}',
  'customer.intro': 'A support representative will chat with you here.',
  'customer.name': 'Your name',
  'customer.request': 'Describe your problem',
  'customer.shareSystem': 'Share my system information',
  'customer.shareSystemHelp': 'Operating system, browser, language, time zone, screen and, when your browser tells them, memory, CPU cores and connection type help the representative. Without it, only your name and problem are sent.',
  'customer.start': 'Start chat',
  'customer.nameRequired': 'Please type your name.',
  'customer.badLink': 'This support link is not valid. Ask your representative for a new one.',
  'customer.connected': 'Connected',
  'customer.connecting': 'Connecting to your representative…',
  'customer.offline': "You're offline — your messages will be sent when you're back.",
  'customer.newerVersion': 'This session was created by a newer version of Asiste. Reload the page to update.',
  'error.generic': 'Something went wrong: {{message}}',
  'error.storage': 'This browser cannot store data for the session (private mode?). Asiste needs IndexedDB.',
  'lang.label': 'Language',
  "status.urlOpened": "The customer opened {{name}}",
  "status.urlBlocked": "The customer's browser blocked opening {{name}}; they were shown an Open link button",
  "status.urlRefused": "The customer page refused a link that no rep pushed (the console sends only http and https links), written by someone in the customer room: {{name}}",
  "entry.urlPushed": "Pushed a link to the customer:",
  "entry.delivery.outbox": "In outbox",
  "entry.delivery.sent": "Sent",
  "entry.delivery.delivered": "Delivered",
  "entry.delivery.seen": "Seen",
  "customer.openLink": "Open link",
  "customer.linkPushed": "Your representative sent you a link:",
  "typing.person": "{{name}} is typing…",
  "customer.ended": "The representative ended this session. Thank you!",
  ...portalEn,
  ...teamEn,
  ...mediaEn,
  ...securityEn,
  ...intakeEn,
  ...notesEn,
  ...limitsEn,
  ...richEn,
} as const

/** A key of the catalog every page loads. */
export type PageKey = keyof typeof en

/** A catalog key: of every page, or of a part fetched apart (the rep console's, the media tools', the export's, the queue's). */
export type MessageKey = PageKey | ConsoleKey | MediaToolKey | ExportKey | QueueKey
