/**
 * Money is integer cents everywhere in code and in the database. The wire
 * shows decimal strings with two decimals ("1.20"), like the original API's
 * Decimal fields, so no client ever sees a binary float.
 */
export function centsToWire(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const units = Math.floor(abs / 100)
  const rest = String(abs % 100).padStart(2, '0')
  return `${sign}${units}.${rest}`
}

const DECIMAL = /^(-)?(\d{1,9})(?:\.(\d{1,2}))?$/

/**
 * Parses "1.2", "1.20", 1.2 or 12 into cents without floating-point
 * arithmetic. Returns null for anything with more than two decimals.
 */
export function wireToCents(value: string | number): number | null {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim()
  if (text === null) return null
  const match = DECIMAL.exec(text)
  if (!match) return null
  const [, minus, units, fraction = ''] = match
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'))
  return minus ? -cents : cents
}

function numberToPlainString(value: number): string | null {
  if (!Number.isFinite(value)) return null
  // toString gives the shortest round-tripping form: 1.1 -> "1.1", never 1.1000000000000001
  const text = value.toString()
  return text.includes('e') ? null : text
}
