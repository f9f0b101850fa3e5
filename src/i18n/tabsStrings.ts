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
  'tabs.opening': 'Showing the latest messages while the whole session opens…',
} as const
