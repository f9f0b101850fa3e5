/** One async step after another, in the order they were asked for: the relay's copies, the customer page's verdicts. */

/** A queue of async steps run one at a time; stopping skips the steps not started yet. */
export interface SerialQueue {
  /** Runs `task` after every step queued before it. */
  enqueue(task: () => Promise<void>): void
  /** Resolves once every step queued so far is done (for tests). */
  settled(): Promise<void>
  /** Whether `stop` ran (a running step checks it before it writes). */
  stopped(): boolean
  stop(): void
}

/** Creates a queue. A failed step must not stall every later one: its error is reported (uncaught, so it is seen) and the queue goes on. */
export function createSerialQueue(): SerialQueue {
  let queue: Promise<void> = Promise.resolve()
  let stopped = false
  return {
    enqueue(task) {
      queue = queue
        .then(() => (stopped ? undefined : task()))
        .catch((error: unknown) =>
          queueMicrotask(() => {
            throw error
          }),
        )
    },
    settled: () => queue,
    stopped: () => stopped,
    stop() {
      stopped = true
    },
  }
}
