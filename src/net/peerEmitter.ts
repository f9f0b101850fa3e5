/**
 * The event emitter of src/net/linkPeer.ts: the Node-style calls y-webrtc and Asiste make on a peer
 * (`on`, `once`, `off`, `prependListener`, `emit`), without Node's events module in the browser build.
 */

type Listener = (...args: never[]) => void

/** A small event emitter with the Node-style calls y-webrtc and Asiste make on a peer. */
export class Emitter {
  readonly #listeners = new Map<string, Listener[]>()

  on(name: string, listener: Listener): this {
    this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener])
    return this
  }

  /** Adds `listener` before every listener already there (peerGuard.ts watches each message before y-webrtc). */
  prependListener(name: string, listener: Listener): this {
    this.#listeners.set(name, [listener, ...(this.#listeners.get(name) ?? [])])
    return this
  }

  /** (Unlike Node's, `off(name, listener)` does not remove a listener added with `once`; nobody here needs it.) */
  once(name: string, listener: Listener): this {
    const wrapper = ((...args: never[]) => {
      this.off(name, wrapper)
      listener(...args)
    }) as Listener
    return this.on(name, wrapper)
  }

  off(name: string, listener: Listener): this {
    const listeners = this.#listeners.get(name)
    const at = listeners?.lastIndexOf(listener) ?? -1
    if (listeners && at >= 0) this.#listeners.set(name, [...listeners.slice(0, at), ...listeners.slice(at + 1)])
    return this
  }

  /** Calls the listeners registered when it starts (arrays are replaced on change, never mutated). */
  emit(name: string, ...args: unknown[]): boolean {
    const listeners = this.#listeners.get(name)
    if (!listeners?.length) return false
    for (const listener of listeners) (listener as (...values: unknown[]) => void)(...args)
    return true
  }
}
