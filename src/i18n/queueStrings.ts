/**
 * Strings of team portals and the queue (issue 22), English: a part of their own (`loadStrings('queue')`,
 * issue 20), fetched by a portal's request page and by the rep console, never by the customer's chat page;
 * the Spanish is in the sibling .es.ts module.
 */

/** English. */
export const queueEn = {
  'portals.button': 'Portals',
  'portals.title': 'Portals',
  'portals.intro': 'A portal is a public page for your website: customers ask for help there and their requests wait in your team’s queue.',
  'portals.list': 'Portals of this team',
  'portals.none': 'No portals yet.',
  'portals.name': 'Portal name',
  'portals.greeting': 'Greeting',
  'portals.hours': 'Opening hours',
  'portals.lang': 'Page language',
  'portals.fields': 'Also ask for',
  'portals.field.email': 'Email',
  'portals.field.phone': 'Phone',
  'portals.field.order': 'Order number',
  'portals.create': 'Create portal',
  'portals.created': 'Portal created. Put its link on your website.',
  'portals.nameRequired': 'Please type a name for the portal.',
  'portals.link': 'Portal link',
  'portals.linkHelp': 'The link carries only the portal’s public keys: requests are sealed so that only your team can read them.',
  'request.title': 'Ask for help',
  'request.loading': 'Opening the portal…',
  'request.unverified': 'Waiting for the team’s portal details… You can already write your request.',
  'request.hours': 'Opening hours: {{hours}}',
  'request.name': 'Your name',
  'request.problem': 'Describe your problem',
  'request.share': 'Share my system information',
  'request.shareHelp': 'Your browser, operating system, language and screen size help the representative. Nothing else is shared.',
  'request.submit': 'Submit request',
  'request.nameRequired': 'Please type your name.',
  'request.problemRequired': 'Please describe your problem.',
  'request.waiting': 'Waiting — a representative will be with you shortly.',
  'request.place': 'You are number {{place}} in the queue.',
  'request.since': 'Waiting since {{time}}.',
  'request.keepOpen': 'You can close this page and come back: your request stays in the queue.',
  'request.details': 'Add details',
  'request.addDetail': 'Add to my request',
  'request.detailsSent': 'Details you added',
  'request.cancel': 'Cancel request',
  'request.cancelled': 'Your request was cancelled.',
  'request.rejected': 'Your request was declined by the team.',
  'request.full': 'The queue is full right now. Please try again in a few minutes.',
  'request.again': 'New request',
  'request.joining': 'A representative took your request. Opening the chat…',
} as const

/** A key of the queue's strings. */
export type QueueKey = keyof typeof queueEn
