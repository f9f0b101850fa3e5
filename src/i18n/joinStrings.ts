/**
 * The console's own strings under `console.`: its header, session tabs, and the customer link and code
 * block with its copy buttons (English). Part of the console's strings (consoleStrings.ts), fetched
 * before the console renders; the catalog every page loads keeps only `console.titleUnread`, which the
 * customer page's title uses too (issue 20, bundles).
 */
/** English strings of the console under `console.`. */
export const joinEn = {
  'console.title': 'Representative console',
  'console.signedInAs': 'Signed in as {{name}}',
  'console.newSession': 'New session',
  'console.noSessions': 'No open sessions. Start one with New session and send the customer link.',
  'console.sessions': 'Sessions',
  'console.waiting': 'Waiting for customer',
  'console.customerLink': 'Customer link',
  'console.copyLink': 'Copy link',
  'console.copied': 'Copied',
  'console.copyCode': 'Copy code',
  'console.copyFailed': 'Could not copy: select the text and copy it yourself.',
  'console.joinInfo': 'Customer link and session code',
  'console.linkHelp': 'Send this link to the customer. The key after # never reaches any server.',
  'console.sessionCode': 'Session code',
  'console.sessionCodeHelp': 'Instead of the link, the customer can open {{url}} and type this code. It works once, for {{minutes}} minutes.',
} as const
