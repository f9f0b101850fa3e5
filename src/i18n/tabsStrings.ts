/** Strings of the session tabs, chat preferences and notifications (English, spread into consoleStrings.ts; the Spanish is in the sibling .es.ts module (its own chunk, issue 20)). */

/** English. */
export const tabsEn = {
  'tabs.unread': '{{count}} unread',
  'tabs.idle': 'idle {{time}}',
  'tabs.idleTitle': 'Since your last message to this customer: {{time}}',
  'tabs.notifyTitle': 'New message from {{name}}',
  'tabs.shortcutsHelp':
    'Sessions: in the Sessions tab list, Left and Right arrows (Home, End) switch sessions. Anywhere, Alt+Shift+Down and Alt+Shift+Up go to the next and previous session, Alt+Shift+U to the next session with unread messages. A tab’s circle turns into a yellow triangle, then a red square, as time passes since your last message to that customer.',
  'prefs.open': 'Preferences',
  'prefs.title': 'Chat preferences',
  'prefs.idleHelp': 'A session tab’s icon turns yellow, then red, this long after your last message to that customer.',
  'prefs.yellowAfter': 'Yellow after (seconds)',
  'prefs.redAfter': 'Red after (seconds)',
  'prefs.fontSize': 'Default font size',
  'prefs.fontSizeHelp': 'Percent: {{sizes}}. The Font size tool starts from it.',
  'prefs.chatSound': 'Chat sound',
  'prefs.chatSoundHelp': 'A short beep when a customer writes while the console is in the background.',
  'prefs.language': 'Language',
  'prefs.notifications': 'System notifications',
  'prefs.enableNotifications': 'Enable notifications',
  'prefs.notificationsDefault': 'Get a system notification when a customer writes while the console is in the background.',
  'prefs.notificationsOn': 'System notifications are on.',
  'prefs.notificationsDenied': 'Notifications are blocked for this site. Allow them in the browser’s site settings.',
  'prefs.notificationsUnsupported': 'This browser cannot show system notifications.',
  'prefs.close': 'Close',
  'prefs.error.yellowInvalid': 'Yellow after must be a whole number of seconds from 1 to {{max}}. Not saved.',
  'prefs.error.redInvalid': 'Red after must be a whole number of seconds from 1 to {{max}}. Not saved.',
  'prefs.error.redNotAboveYellow': 'Red after must be more than Yellow after. Not saved.',
  'prefs.error.fontSize': 'Default font size must be one of {{sizes}}. Not saved.',
  'tabs.opening': 'Showing the latest messages while the whole session opens…',
} as const
