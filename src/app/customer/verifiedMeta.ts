/**
 * The customer doc's meta as the customer's page may believe it: anyone
 * holding the join link can rewrite it, so it counts only when its signature
 * verifies against the session key from the link and names this session
 * (docs/SCHEMA.md, "meta"). Links made before signatures carry no key: their
 * meta is taken as written.
 */
import { createSignal, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { metaMap, readMetaSignature, readSessionMeta, type SessionMeta } from '../../doc/sessionMeta'
import { importVerifyingKey, verifySessionMeta } from '../../net/sessionAuthority'
import { createSerialQueue } from '../shell/serialQueue'

/** The doc's meta if it verifies (or the link has no session key), else undefined. */
export async function verifiedSessionMeta(doc: Y.Doc, sessionId: string, authority: string | undefined): Promise<SessionMeta | undefined> {
  const meta = readSessionMeta(doc)
  if (!meta || meta.sessionId !== sessionId) return undefined
  if (!authority) return meta
  const signature = readMetaSignature(doc)
  const key = signature ? await importVerifyingKey(authority) : undefined
  return key && signature && (await verifySessionMeta(key, meta, signature)) ? meta : undefined
}

/** The verified meta, kept current (each value verified once, when it arrives). */
export function createVerifiedMeta(doc: Y.Doc, sessionId: string, authority: string | undefined): { meta: Accessor<SessionMeta | undefined>; settled(): Promise<void>; stop(): void } {
  const [meta, setMeta] = createSignal<SessionMeta>()
  const steps = createSerialQueue()
  let checked = ''
  const check = (): void => {
    const value = JSON.stringify([readSessionMeta(doc) ?? null, readMetaSignature(doc) ?? null])
    if (value === checked) return
    checked = value
    steps.enqueue(async () => {
      const verified = await verifiedSessionMeta(doc, sessionId, authority)
      if (!steps.stopped()) setMeta(verified)
    })
  }
  const map = metaMap(doc)
  map.observe(check)
  check()
  return {
    meta,
    settled: () => steps.settled(),
    stop: () => {
      steps.stop()
      map.unobserve(check)
    },
  }
}
