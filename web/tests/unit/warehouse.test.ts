import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import {
  parseAdjustment,
  parseGoodsReceipt,
  parseQuantityChange,
  parseRejection,
  parseReorderPoint,
  parseSuggestedRequest,
} from '../../app/lib/forms/warehouse.ts'
import { fr } from '../../app/lib/i18n/fr.ts'
import {
  actionsFor,
  changedQuantity,
  conflictingStatus,
  movementFilters,
  quantityChangeable,
  replenishmentFilters,
  revalidateAfterConflict,
  signedQuantity,
  suggestedRequestQuantity,
  suggestionFilters,
  warehouseFilters,
} from '../../app/lib/warehouse.ts'

const url = (query: string) => new URL(`http://comptoir.test/page?${query}`)
const KEY = 'web-0f8e7a3c-2b1d-4c5e-9f00-112233445566'

describe('filters read from the URL (anything odd means "no filter", never an error page)', () => {
  test('warehouse: search, status, sort, page and the product to receive', () => {
    assert.deepEqual(warehouseFilters(url('q=%20lait%20&statut=critique&tri=quantite&page=3&reception=ALI002')), {
      search: 'lait',
      status: 'critique',
      sort: 'quantite',
      page: 3,
      receiveCode: 'ALI002',
    })
    assert.deepEqual(warehouseFilters(url('statut=pending&tri=prix&page=-2')), {
      search: '',
      status: null,
      sort: 'code',
      page: 1,
      receiveCode: '',
    })
  })

  test('requests: state among the API’s, store id, page', () => {
    assert.deepEqual(replenishmentFilters(url('statut=validee&magasin=2&page=2')), { status: 'validee', storeId: 2, page: 2 })
    assert.deepEqual(replenishmentFilters(url('statut=approved&magasin=deux&page=0')), { status: null, storeId: null, page: 1 })
    assert.deepEqual(replenishmentFilters(url('magasin=0')).storeId, null)
  })

  test('suggestions: store id and page only', () => {
    assert.deepEqual(suggestionFilters(url('magasin=3&page=2&statut=validee')), { storeId: 3, page: 2 })
    assert.deepEqual(suggestionFilters(url('magasin=Nord&page=abc')), { storeId: null, page: 1 })
  })

  test('ledger: type, product code, real calendar days (swapped when typed backwards)', () => {
    assert.deepEqual(movementFilters(url('type=ajustement&produit=ALI001&du=2026-11-01&au=2026-11-30')), {
      type: 'ajustement',
      code: 'ALI001',
      from: '2026-11-01',
      to: '2026-11-30',
      errors: {},
      page: 1,
    })
    const backwards = movementFilters(url('du=2026-11-30&au=2026-11-01'))
    assert.deepEqual([backwards.from, backwards.to], ['2026-11-01', '2026-11-30'])
    const odd = movementFilters(url('type=vol&du=2026-02-30&au=hier'))
    assert.deepEqual([odd.type, odd.from, odd.to], [null, null, null])
    // Not a day: the date inputs never send one, so the field says why the list covers every day.
    assert.deepEqual(odd.errors, { du: { key: 'form.date' }, au: { key: 'form.date' } })
  })
})

describe('request actions', () => {
  const request = (statut: string, actions_possibles: string[], demande_par: number | null = 7) => ({ statut, actions_possibles, demande_par })
  const clerk = { id: 7, role: 'clerk' as const }
  const colleague = { id: 8, role: 'clerk' as const }

  test('a manager gets every action the state allows, in a fixed order', () => {
    assert.deepEqual(actionsFor(request('en_attente', ['cancel', 'reject', 'approve']), { id: 1, role: 'manager' }), ['approve', 'reject', 'cancel'])
    assert.deepEqual(actionsFor(request('validee', ['ship', 'cancel']), { id: 1, role: 'admin' }), ['ship', 'cancel'])
    assert.deepEqual(actionsFor(request('livree', []), { id: 1, role: 'manager' }), [])
  })

  test('a clerk is never offered approve, ship or reject, and cancels only a pending request they made', () => {
    assert.deepEqual(actionsFor(request('en_attente', ['approve', 'reject', 'cancel']), clerk), ['cancel'])
    assert.deepEqual(actionsFor(request('en_attente', ['approve', 'reject', 'cancel']), colleague), [])
    assert.deepEqual(actionsFor(request('en_attente', ['approve', 'reject', 'cancel'], null), clerk), [], 'made by an integration')
    assert.deepEqual(actionsFor(request('validee', ['ship', 'cancel']), clerk), [], 'an approved request: managers only')
    assert.deepEqual(actionsFor(request('expediee', ['receive'], 99), colleague), ['receive'])
  })

  test('a 409 INVALID_TRANSITION says which state the request was already in', () => {
    assert.equal(conflictingStatus({ error_code: 'INVALID_TRANSITION', details: { from: 'validee', action: 'approve' } }), 'validee')
    assert.equal(conflictingStatus({ error_code: 'INSUFFICIENT_STOCK', details: { from: 'validee' } }), null)
    assert.equal(conflictingStatus({ error_code: 'INVALID_TRANSITION', details: { from: 'approved' } }), null)
    assert.equal(conflictingStatus({ error_code: 'INVALID_TRANSITION', details: null }), null)
  })

  test('an approval refused because the store changed the quantity since the page showed it gives both quantities', () => {
    const details = { replenishment_id: 57, quantite: 80, quantite_vue: 30 }
    assert.deepEqual(changedQuantity({ error_code: 'QUANTITY_CHANGED', details }), { seen: 30, now: 80 })
    assert.equal(changedQuantity({ error_code: 'INVALID_TRANSITION', details: { from: 'validee', action: 'approve' } }), null)
    assert.equal(changedQuantity({ error_code: 'INSUFFICIENT_STOCK', details }), null)
    assert.equal(changedQuantity({ error_code: 'QUANTITY_CHANGED', details: null }), null)
  })

  test('every state has its label and its help text in the dictionary', () => {
    for (const status of ['en_attente', 'validee', 'expediee', 'livree', 'refusee', 'annulee'] as const) {
      assert.ok(fr[`replenishment.status.${status}`])
      assert.ok(fr[`replenishments.help.${status}`])
    }
  })

  test('signed quantities: plus sign in, real minus sign out', () => {
    const plain = (value: number) => String(value)
    assert.equal(signedQuantity(12, plain), '+12')
    assert.equal(signedQuantity(-3, plain), '−3')
    assert.equal(signedQuantity(0, plain), '0')
  })
})

describe('warehouse forms (same limits as the API)', () => {
  test('goods receipt: code, quantity, optional supplier and delivery slip', () => {
    assert.deepEqual(parseGoodsReceipt({ code: ' ALI002 ', quantite: '200', fournisseur: 'Laiterie', reference: '' }), {
      ok: true,
      value: { code: 'ALI002', quantity: 200, supplier: 'Laiterie', reference: null },
    })
    const bad = parseGoodsReceipt({ code: 'ALI 002', quantite: '0' })
    assert.equal(!bad.ok && bad.errors.code?.key, 'warehouse.codeFormat')
    assert.equal(!bad.ok && bad.errors.quantite?.key, 'form.min')
    const missing = parseGoodsReceipt({ quantite: '100001', fournisseur: 'x'.repeat(151) })
    assert.equal(!missing.ok && missing.errors.code?.key, 'form.required')
    assert.equal(!missing.ok && missing.errors.quantite?.key, 'form.max')
    assert.equal(!missing.ok && missing.errors.fournisseur?.key, 'form.tooLong')
  })

  test('reorder point: zero allowed, negative or huge refused', () => {
    assert.deepEqual(parseReorderPoint({ produit_id: '4', seuil_reappro: '0' }), { ok: true, value: { productId: 4, reorderPoint: 0 } })
    const bad = parseReorderPoint({ produit_id: 'x', seuil_reappro: '-1' })
    assert.equal(!bad.ok && bad.errors.produit_id?.key, 'form.integer')
    assert.equal(!bad.ok && bad.errors.seuil_reappro?.key, 'form.min')
  })

  test('adjustment: a signed change (not 0) or a counted quantity (0 allowed), always with a reason', () => {
    assert.deepEqual(parseAdjustment({ code: 'ALI001', mode: 'variation', quantite: '-3', motif: 'Casse' }), {
      ok: true,
      value: { code: 'ALI001', mode: 'variation', quantity: -3, reason: 'Casse' },
    })
    assert.deepEqual(parseAdjustment({ code: 'ALI001', mode: 'comptage', quantite: '0', motif: 'Inventaire' }), {
      ok: true,
      value: { code: 'ALI001', mode: 'comptage', quantity: 0, reason: 'Inventaire' },
    })
    const zero = parseAdjustment({ code: 'ALI001', quantite: '0', motif: 'Rien' })
    assert.equal(!zero.ok && zero.errors.quantite?.key, 'warehouse.adjustmentZero')
    const negativeCount = parseAdjustment({ code: 'ALI001', mode: 'comptage', quantite: '-1', motif: 'Inventaire' })
    assert.equal(!negativeCount.ok && negativeCount.errors.quantite?.key, 'form.min')
    const noReason = parseAdjustment({ code: 'ALI001', mode: 'vol', quantite: '2', motif: ' ' })
    assert.equal(!noReason.ok && noReason.errors.motif?.key, 'form.required')
    assert.equal(!noReason.ok && noReason.errors.mode?.key, 'form.choice')
  })

  test('a refusal needs a reason of at least 2 characters', () => {
    assert.deepEqual(parseRejection({ motif: ' Budget épuisé ' }), { ok: true, value: { reason: 'Budget épuisé' } })
    const short = parseRejection({ motif: 'x' })
    assert.equal(!short.ok && short.errors.motif?.key, 'form.tooShort')
  })

  test('a pending request’s new quantity: 1 to 100 000 whole units, as at creation', () => {
    assert.deepEqual(parseQuantityChange({ demande_id: '12', quantite: '45' }), { ok: true, value: { requestId: 12, quantity: 45 } })
    assert.deepEqual(parseQuantityChange({ demande_id: '12', quantite: '100000' }), { ok: true, value: { requestId: 12, quantity: 100_000 } })
    for (const [quantite, key] of [['0', 'form.min'], ['-3', 'form.min'], ['100001', 'form.max'], ['2.5', 'form.integer'], ['', 'form.required']]) {
      const refused = parseQuantityChange({ demande_id: '12', quantite })
      assert.equal(!refused.ok && refused.errors.quantite?.key, key, `quantite ${JSON.stringify(quantite)}`)
    }
    const noRequest = parseQuantityChange({ demande_id: 'x', quantite: '5' })
    assert.equal(!noRequest.ok && noRequest.errors.demande_id?.key, 'form.integer')
  })

  test('only a pending request offers its quantity to change', () => {
    assert.equal(quantityChangeable('en_attente'), true)
    for (const status of ['validee', 'expediee', 'livree', 'refusee', 'annulee']) assert.equal(quantityChangeable(status), false, status)
  })

  test('a request from a suggestion carries the key generated with the page', () => {
    assert.deepEqual(parseSuggestedRequest({ magasin_id: '2', produit_id: '7', quantite: '40', cle: KEY }), {
      ok: true,
      value: { storeId: 2, productId: 7, quantity: 40, idempotencyKey: KEY },
    })
    const stale = parseSuggestedRequest({ magasin_id: '2', produit_id: '7', quantite: '40', cle: 'x' })
    assert.equal(!stale.ok && stale.errors.cle?.key, 'form.staleForm')
    const noQuantity = parseSuggestedRequest({ magasin_id: '2', produit_id: '7', quantite: '', cle: KEY })
    assert.equal(!noQuantity.ok && noQuantity.errors.quantite?.key, 'form.required')
  })
})

test('after a 409 the page reloads the request (Remix skips loaders after a 4xx otherwise)', () => {
  assert.equal(revalidateAfterConflict({ actionStatus: 409, defaultShouldRevalidate: false }), true)
  assert.equal(revalidateAfterConflict({ actionStatus: 422, defaultShouldRevalidate: false }), false)
  assert.equal(revalidateAfterConflict({ actionStatus: 200, defaultShouldRevalidate: true }), true)
})

describe('a suggestion’s request form', () => {
  test('offers what the store needs, or what the warehouse holds when that is less (an approval of more is refused)', () => {
    assert.deepEqual(suggestedRequestQuantity(24, 100), { quantity: 24, short: false })
    assert.deepEqual(suggestedRequestQuantity(24, 24), { quantity: 24, short: false })
    assert.deepEqual(suggestedRequestQuantity(348, 267), { quantity: 267, short: true })
  })

  test('an empty warehouse: the need, to be approved once goods come in', () => {
    assert.deepEqual(suggestedRequestQuantity(24, 0), { quantity: 24, short: true })
  })
})
