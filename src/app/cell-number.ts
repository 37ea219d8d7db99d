// Number cells as counts: a number cell reads as a number, null when empty, or the text typed when it is not a number.

/** A number cell as a count: 0 when empty or typed as something that is not a number (Data Issues names those). */
export function countIn(v: number | string | null): number {
  return typeof v === 'number' && !Number.isNaN(v) ? v : 0;
}
