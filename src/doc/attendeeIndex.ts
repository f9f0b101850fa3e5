/**
 * An incremental projection of a document's attendees map: valid records
 * parsed once and kept in id order, updated from the keys each transaction
 * changed. A full scan and sort on every customer-doc update cost 76–100 ms
 * at 100k records (a flooded customer doc); a read here touches only the
 * records it returns.
 */
import type * as Y from 'yjs'
import type { Attendee } from './attendeeTypes'

/** Parses one raw record (attendees.ts passes its own parser: this module must not import it at run time). */
export type AttendeeParser = (id: unknown, raw: unknown) => Attendee | undefined

/** Valid attendees of one map, by id and in id order. */
export class AttendeeIndex {
  readonly #byId = new Map<string, Attendee>()
  readonly #ids: string[] = [] // valid ids, sorted

  /** Indexes `map`; `follow` keeps the index up to date (false: a one-off snapshot). */
  constructor(map: Y.Map<unknown>, parse: AttendeeParser, follow = true) {
    map.forEach((raw, id) => {
      const attendee = parse(id, raw)
      if (attendee) this.#byId.set(id, attendee)
    })
    this.#ids.push(...[...this.#byId.keys()].sort())
    if (!follow) return
    map.observe((event) => {
      event.keysChanged.forEach((id) => this.#set(id, parse(id, map.get(id))))
    })
  }

  /** How many valid records the map holds. */
  get size(): number {
    return this.#ids.length
  }

  /** The valid record `id`, if any. */
  get(id: string): Attendee | undefined {
    return this.#byId.get(id)
  }

  /** Valid records in id order, skipping those `skip` says to, until `visit` returns false. */
  scan(visit: (attendee: Attendee) => boolean, skip: (id: string) => boolean = () => false): void {
    for (const id of this.#ids) {
      const attendee = this.#byId.get(id)
      if (attendee && !skip(id) && !visit(attendee)) return
    }
  }

  #set(id: string, attendee: Attendee | undefined): void {
    const had = this.#byId.has(id)
    if (attendee) this.#byId.set(id, attendee)
    else this.#byId.delete(id)
    if (had === (attendee !== undefined)) return
    const at = lowerBound(this.#ids, id)
    if (attendee) this.#ids.splice(at, 0, id)
    else this.#ids.splice(at, 1)
  }
}

/** The first index in sorted `ids` whose id is not below `id`. */
function lowerBound(ids: readonly string[], id: string): number {
  let low = 0
  let high = ids.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if ((ids[mid] ?? '') < id) low = mid + 1
    else high = mid
  }
  return low
}
