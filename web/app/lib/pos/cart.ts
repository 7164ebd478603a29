// The cart of a register, as kept in the session cookie: product ids and
// quantities only ("7:2,12:1"). Names and prices are read from the API when
// the page is drawn, and the API takes its own prices when the sale is
// recorded, so nothing in here can change what a customer pays.
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '../forms/schemas.ts'

export interface CartEntry {
  productId: number
  quantity: number
}

export function decodeCart(encoded: string | undefined): CartEntry[] {
  if (!encoded) return []
  const entries: CartEntry[] = []
  for (const part of encoded.split(',')) {
    const match = /^(\d{1,10}):(\d{1,4})$/.exec(part)
    if (!match) continue
    const productId = Number(match[1])
    const quantity = Math.min(Number(match[2]), MAX_LINE_QUANTITY)
    if (productId > 0 && quantity > 0 && !entries.some((e) => e.productId === productId)) {
      entries.push({ productId, quantity })
    }
  }
  return entries.slice(0, MAX_CART_LINES)
}

export function encodeCart(entries: readonly CartEntry[]): string {
  return entries.map((e) => `${e.productId}:${e.quantity}`).join(',')
}

export type CartChange = { entries: CartEntry[]; outcome: 'ok' | 'capped' | 'full' }

/** Adds to an existing line (scanning the same code twice makes 2), or appends a line. */
export function addToCart(entries: readonly CartEntry[], productId: number, quantity: number): CartChange {
  const existing = entries.find((e) => e.productId === productId)
  if (existing) {
    const wanted = existing.quantity + quantity
    const capped = Math.min(wanted, MAX_LINE_QUANTITY)
    return {
      entries: entries.map((e) => (e.productId === productId ? { productId, quantity: capped } : e)),
      outcome: capped < wanted ? 'capped' : 'ok',
    }
  }
  if (entries.length >= MAX_CART_LINES) return { entries: [...entries], outcome: 'full' }
  return { entries: [...entries, { productId, quantity: Math.min(quantity, MAX_LINE_QUANTITY) }], outcome: 'ok' }
}

/** Sets a line's quantity; 0 removes the line. Unknown products are left alone. */
export function setCartQuantity(entries: readonly CartEntry[], productId: number, quantity: number): CartEntry[] {
  if (quantity <= 0) return entries.filter((e) => e.productId !== productId)
  return entries.map((e) => (e.productId === productId ? { productId, quantity: Math.min(quantity, MAX_LINE_QUANTITY) } : e))
}
