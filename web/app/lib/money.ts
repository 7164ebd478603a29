// Money crosses three borders, each with its own shape:
//   the API's wire format  "1.20" (string, dot, exactly two decimals)
//   our code               120 (integer cents; never a float)
//   what a clerk types     "1,20", "1.2", "1 234,50 $", "12"
// Shared by server and browser (payment change preview), so no Node APIs here.

const WIRE_AMOUNT = /^(-?)(\d{1,12})\.(\d{2})$/

/** "1.20" → 120. Throws on anything that is not the API's money format (a contract breach). */
export function centsFromWire(value: string): number {
  const match = WIRE_AMOUNT.exec(value)
  if (!match) throw new RangeError(`Not an API money amount: ${JSON.stringify(value)}`)
  const cents = Number(match[2]) * 100 + Number(match[3])
  return match[1] === '-' ? -cents : cents
}

/** 120 → "1.20" (what the API accepts for amounts). */
export function centsToWire(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`centsToWire expects integer cents, got ${cents}`)
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** Largest amount a form accepts: a million dollars (the API's own limit is higher). */
export const MAX_INPUT_CENTS = 100_000_000

/**
 * What a clerk typed → cents, or null when it is not an amount. Accepts a
 * comma or a dot as decimal separator, at most two decimals, spaces (also
 * no-break) as thousands separators and a trailing "$". Never negative.
 * Above `max` is null too; a form passes its own max so that it can say
 * "too large" rather than "not an amount".
 */
export function parseMoneyInput(raw: string | null | undefined, max = MAX_INPUT_CENTS): number | null {
  if (typeof raw !== 'string') return null
  const text = raw
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\$$/, '')
    .replace(',', '.')
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) return null
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return cents <= max ? cents : null
}

/** 1250 → "12,50": the value to put back in an amount field (fr-CA decimal comma, no symbol). */
export function centsToInput(cents: number): string {
  return centsToWire(cents).replace('.', ',')
}
