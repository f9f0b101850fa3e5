/**
 * Variable-length integers for the search index's stored segments: small
 * numbers (gaps between entry numbers, term counts) take one byte instead of
 * four or eight. Arithmetic instead of bit shifts keeps timestamps (> 2³²) exact.
 */

/** A growable byte buffer that writes unsigned varints (LEB128). */
export class VarintWriter {
  private bytes = new Uint8Array(256)
  private length = 0

  /** Appends a non-negative integer up to 2⁵³. */
  write(value: number): void {
    if (this.length + 8 > this.bytes.length) this.grow()
    let rest = value
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) + 0x80
      rest = Math.floor(rest / 0x80)
    }
    this.bytes[this.length++] = rest
  }

  /** Appends a signed integer, zig-zag coded (small magnitudes stay small). */
  writeSigned(value: number): void {
    this.write(value < 0 ? -value * 2 - 1 : value * 2)
  }

  /** The bytes written, trimmed to their length (a copy, so the writer's slack is not stored). */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }

  private grow(): void {
    const bigger = new Uint8Array(this.bytes.length * 2)
    bigger.set(this.bytes)
    this.bytes = bigger
  }
}

/** Reads what a VarintWriter wrote; throws on a truncated buffer (a corrupt segment). */
export class VarintReader {
  offset: number

  constructor(
    private readonly bytes: Uint8Array,
    offset = 0,
  ) {
    this.offset = offset
  }

  /** Whether every byte has been read. */
  get done(): boolean {
    return this.offset >= this.bytes.length
  }

  /** The next unsigned integer. */
  read(): number {
    let value = 0
    let scale = 1
    for (;;) {
      const byte = this.bytes[this.offset++]
      if (byte === undefined || scale > 2 ** 49) throw new RangeError('truncated varint')
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 0x80
    }
  }

  /** The next zig-zag coded signed integer. */
  readSigned(): number {
    const raw = this.read()
    return raw % 2 === 1 ? -(raw + 1) / 2 : raw / 2
  }
}
