/**
 * Checks the envelope of a y-webrtc peer message before y-webrtc reads it.
 * y-webrtc and y-protocols throw on some malformed input outside any
 * try/catch (an empty message, a junk state vector, a junk awareness update)
 * and answer an unknown type with an empty message that throws at the other
 * end; a hostile peer could use that to break a page's link. (Empty messages
 * never get here: the wire reader drops them, since a stock peer sends one for
 * each of Asiste's frames.) Updates inside sync messages are left to Yjs,
 * which catches its own decoding errors.
 */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

// y-webrtc's message types (y-webrtc.js) and y-protocols' sync steps.
const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
const MESSAGE_QUERY_AWARENESS = 3
const SYNC_STEP1 = 0
const SYNC_STEP2 = 1
const SYNC_UPDATE = 2

function wellFormedAwareness(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder) // client id
    decoding.readVarUint(decoder) // clock
    JSON.parse(decoding.readVarString(decoder)) as unknown
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
}

/** Whether `message` is a y-webrtc message y-webrtc can read without throwing. */
export function isWellFormedPeerMessage(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (step === SYNC_STEP1) Y.decodeStateVector(payload)
      else if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) return false
    } else if (type === MESSAGE_AWARENESS) {
      wellFormedAwareness(decoding.readVarUint8Array(decoder))
    } else if (type !== MESSAGE_QUERY_AWARENESS) {
      return false
    }
    return !decoding.hasContent(decoder)
  } catch {
    return false
  }
}
