// Carts live in the signed session cookie, one per register, so a clerk can
// step away to the returns page and come back to the same cart, and a second
// web instance serves the same cart.
import type { WebSession } from '../auth/session.server.ts'
import { decodeCart, encodeCart, type CartEntry } from './cart.ts'

// A clerk works at one register at a time; a manager may hop between a few.
const MAX_CARTS = 3
// Browsers drop a cookie over 4,096 bytes (Remix refuses to write one): the carts' share, before
// base64, leaves room for the rest of the session and a notice. The cart being written always
// stays (100 lines are at most 1,600 characters); the others, most recent first, while they fit.
const CARTS_BUDGET_CHARS = 2_000

type StoredCarts = [registerId: number, cart: string][]

function storedCarts(session: WebSession): StoredCarts {
  const stored = session.get('carts')
  if (Array.isArray(stored)) return stored.filter(([id, cart]) => Number.isSafeInteger(id) && typeof cart === 'string')
  // An object keyed by register id lists its keys in numeric order, not by use: its order is lost.
  if (stored && typeof stored === 'object') return Object.entries(stored).map(([id, cart]) => [Number(id), String(cart)])
  return []
}

export function readCart(session: WebSession, registerId: number): CartEntry[] {
  return decodeCart(storedCarts(session).find(([id]) => id === registerId)?.[1])
}

export function writeCart(session: WebSession, registerId: number, entries: readonly CartEntry[]): void {
  const others = storedCarts(session).filter(([id]) => id !== registerId)
  const kept: StoredCarts = entries.length > 0 ? [[registerId, encodeCart(entries)]] : []
  let size = kept[0]?.[1].length ?? 0
  for (const [id, cart] of others) {
    if (kept.length === MAX_CARTS || size + cart.length > CARTS_BUDGET_CHARS) break
    kept.push([id, cart])
    size += cart.length
  }
  if (kept.length === 0) session.unset('carts')
  else session.set('carts', kept)
}

/*
 * « Vider le panier » is one keystroke away from the search results: the
 * emptied cart is kept (one, the latest) until the clerk adds to the new one
 * or pays, and the empty cart offers to bring it back.
 */

export function keepClearedCart(session: WebSession, registerId: number, entries: readonly CartEntry[]): void {
  if (entries.length === 0) return
  session.set('clearedCart', [registerId, encodeCart(entries)])
}

/** The lines of the cart emptied at this register, if the clerk has not moved on since. */
export function clearedCart(session: WebSession, registerId: number): CartEntry[] {
  const stored = session.get('clearedCart')
  if (!Array.isArray(stored) || stored[0] !== registerId || typeof stored[1] !== 'string') return []
  return decodeCart(stored[1])
}

export function forgetClearedCart(session: WebSession): void {
  session.unset('clearedCart')
}
