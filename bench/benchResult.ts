/** The row every benchmark module returns; `bench/run.ts` prints and stores them. */
export interface BenchResult {
  name: string
  unit: string
  value: number
  /** Secondary figures of the same measurement (percentiles, sizes, …). */
  values?: Record<string, number>
  /** What `value` is compared against; `ratio` = value / baseline.value. */
  baseline?: { name: string; value: number }
  ratio?: number
  note?: string
}

/** A benchmark module. */
export interface BenchModule {
  run(): Promise<BenchResult[]>
}
