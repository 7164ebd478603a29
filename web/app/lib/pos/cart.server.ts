// Carts live in the signed session cookie, one per register, so a clerk can
// step away to the returns page and come back to the same cart, and a second
// web instance serves the same cart.
import type { WebSession } from '../auth/session.server.ts'
import { decodeCart, encodeCart, type CartEntry } from './cart.ts'

// Bounds the cookie: a clerk works at one register at a time.
const MAX_CARTS = 3

export function readCart(session: WebSession, registerId: number): CartEntry[] {
  return decodeCart(session.get('carts')?.[String(registerId)])
}

export function writeCart(session: WebSession, registerId: number, entries: readonly CartEntry[]): void {
  const key = String(registerId)
  const carts = { ...(session.get('carts') ?? {}) }
  delete carts[key]
  if (entries.length > 0) carts[key] = encodeCart(entries)
  // Most recent last; the oldest carts go first when there are too many.
  const kept = Object.entries(carts).slice(-MAX_CARTS)
  if (kept.length === 0) session.unset('carts')
  else session.set('carts', Object.fromEntries(kept))
}
