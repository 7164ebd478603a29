import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'

import type { CartEntry } from '../../app/lib/pos/cart.ts'

// The session module reads its secret from the environment, as in production.
process.env.SESSION_SECRET = 'un-secret-de-session-pour-les-tests-unitaires-0002'
process.env.NODE_ENV = 'production'

let sessions: typeof import('../../app/lib/auth/session.server.ts')
let carts: typeof import('../../app/lib/pos/cart.server.ts')

before(async () => {
  sessions = await import('../../app/lib/auth/session.server.ts')
  carts = await import('../../app/lib/pos/cart.server.ts')
})

const BROWSER_COOKIE_LIMIT = 4096

async function signedInSession() {
  const session = await sessions.getSession(new Request('http://web.test/'))
  const user = { id: 2_000_000_000, username: 'gerant-du-siege-principal', fullName: 'Gérante du siège social', role: 'manager' as const, storeId: null }
  sessions.signIn(session, { token: `cpt_${'t'.repeat(43)}`, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user })
  return session
}

function lines(count: number, firstId: number, quantity = 1): CartEntry[] {
  return Array.from({ length: count }, (_, index) => ({ productId: firstId + index, quantity }))
}

describe('POS carts in the session cookie', () => {
  test('the cart being written is kept, whatever the numbers of the other registers', async () => {
    const session = await signedInSession()
    for (const register of [7, 8, 9]) carts.writeCart(session, register, lines(1, 100))
    carts.writeCart(session, 1, lines(2, 200))
    assert.deepEqual(carts.readCart(session, 1), lines(2, 200))
  })

  test('past three carts, the least recently used goes, not the lowest register number', async () => {
    const session = await signedInSession()
    for (const register of [9, 1, 2, 3]) carts.writeCart(session, register, lines(1, register * 10))
    assert.deepEqual(carts.readCart(session, 9), [], 'register 9, used first, is forgotten')
    for (const register of [1, 2, 3]) assert.deepEqual(carts.readCart(session, register), lines(1, register * 10))
  })

  test('three full carts of large product numbers still make a cookie a browser keeps, with the current cart whole', async () => {
    const session = await signedInSession()
    const full = (register: number) => lines(100, 2_147_483_000 - (register % 10) * 100, 1000)
    for (const register of [2_147_483_645, 2_147_483_646, 2_147_483_647]) carts.writeCart(session, register, full(register))
    session.flash('notice', { kind: 'warning', message: { key: 'pos.quantityCapped' } })
    const cookie = (await sessions.commitSession(session)).split(';')[0] ?? ''
    assert.ok(cookie.length < BROWSER_COOKIE_LIMIT, `${cookie.length} bytes`)
    assert.deepEqual(carts.readCart(session, 2_147_483_647), full(2_147_483_647))
  })

  test('an emptied cart leaves the others; a cookie from before (carts by register id) is still read', async () => {
    const session = await signedInSession()
    session.set('carts', { '4': '12:3,13:1', '5': '14:2' })
    assert.deepEqual(carts.readCart(session, 4), [{ productId: 12, quantity: 3 }, { productId: 13, quantity: 1 }])
    carts.writeCart(session, 4, [])
    assert.deepEqual(carts.readCart(session, 4), [])
    assert.deepEqual(carts.readCart(session, 5), [{ productId: 14, quantity: 2 }])
    carts.writeCart(session, 5, [])
    assert.equal(session.get('carts'), undefined)
  })
})
