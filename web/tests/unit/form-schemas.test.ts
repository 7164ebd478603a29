import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { formatMoney, formatNumber } from '../../app/lib/format.ts'
import { parseCancelSale, parseCartLine, parseCloseSession, parsePayment, parseReturn, parseScan, parseLogin, parseOpenSession } from '../../app/lib/forms/schemas.ts'
import { translate } from '../../app/lib/i18n/index.ts'

const KEY = 'web-0f8e7a3c-2b1d-4c5e-9f00-112233445566'

describe('parsePayment (shared by the browser and the action)', () => {
  test('split payment: card plus cash with change', () => {
    const parsed = parsePayment({ carte: '5,00', especes: '10', cle: KEY }, 689)
    assert.deepEqual(parsed, { ok: true, value: { cardCents: 500, cashCents: 1000, idempotencyKey: KEY } })
  })

  test('says how much is missing, in money (in cash, to the nickel: 6,89 $ is 6,90 $)', () => {
    const parsed = parsePayment({ carte: '', especes: '5', cle: KEY }, 689)
    assert.equal(parsed.ok, false)
    if (!parsed.ok) {
      assert.equal(parsed.errors.especes?.key, 'pay.missing')
      assert.equal(parsed.errors.especes?.params?.amount, '1,90\u00a0$')
    }
    assert.equal(parsePayment({ carte: '', especes: '6,90', cle: KEY }, 689).ok, true)
    assert.equal(parsePayment({ carte: '', especes: '6,85', cle: KEY }, 689).ok, false)
  })

  test('refuses a card above the total, nothing tendered, bad amounts and a missing key', () => {
    const over = parsePayment({ carte: '7', cle: KEY }, 689)
    assert.equal(!over.ok && over.errors.carte?.key, 'pay.cardExceedsTotal')
    const nothing = parsePayment({ cle: KEY }, 689)
    assert.equal(!nothing.ok && nothing.errors.especes?.key, 'pay.nothingTendered')
    const bad = parsePayment({ carte: 'douze', cle: KEY }, 689)
    assert.equal(!bad.ok && bad.errors.carte?.key, 'form.money')
    const stale = parsePayment({ especes: '10', cle: 'x' }, 689)
    assert.equal(!stale.ok && stale.errors.cle?.key, 'form.staleForm')
  })
})

describe('parseScan', () => {
  test('reads a quantity prefix the way registers do', () => {
    assert.deepEqual(parseScan({ q: '3*ALI001' }), { ok: true, value: { term: 'ALI001', quantity: 3 } })
    assert.deepEqual(parseScan({ q: '2 x Lait' }), { ok: true, value: { term: 'Lait', quantity: 2 } })
    assert.deepEqual(parseScan({ q: "Jus d'orange" }), { ok: true, value: { term: "Jus d'orange", quantity: 1 } })
  })

  test('refuses an empty scan and absurd quantities', () => {
    assert.equal(parseScan({ q: '  ' }).ok, false)
    assert.equal(parseScan({ q: '0*ALI001' }).ok, false)
    assert.equal(parseScan({ q: '5000*ALI001' }).ok, false)
  })

  test('writes the quantity limit fr-CA in its message', () => {
    const parsed = parseScan({ q: '5000*ALI001' })
    assert.equal(parsed.ok, false)
    const message = !parsed.ok ? parsed.errors.q : null
    assert.deepEqual(message, { key: 'form.quantityRange', params: { max: '1\u00a0000' } })
    assert.match(translate('fr', message!.key, message!.params), /1\u00a0000/)
  })

  test('refuses control characters (a NUL above all) before anything is sent to the API', () => {
    for (const q of ['ALI\u0000001', '\u0000', 'ALI001\u0000', '3*ALI\u0000', 'ALI\u0007001', 'ALI\u001b[2J', 'ALI\u007f', 'ALI\u0085001', 'ALI\t001', 'Jus\nd’orange']) {
      const parsed = parseScan({ q })
      assert.deepEqual(parsed, { ok: false, errors: { q: { key: 'form.controlCharacters' } } }, JSON.stringify(q))
    }
    // A scanner's Enter or Tab after the code is not part of it.
    assert.deepEqual(parseScan({ q: 'ALI001\r\n' }), { ok: true, value: { term: 'ALI001', quantity: 1 } })
    assert.deepEqual(parseScan({ q: '\tALI001\t' }), { ok: true, value: { term: 'ALI001', quantity: 1 } })
    // Posted as a browser does (FormData), the same.
    const form = new FormData()
    form.set('q', 'a\u0000b')
    const posted = parseScan(form)
    assert.equal(!posted.ok && posted.errors.q?.key, 'form.controlCharacters')
  })

  test('says so in the user’s language', () => {
    assert.equal(
      translate('fr', 'form.controlCharacters'),
      'Caractères invisibles (caractères de contrôle) refusés : effacez le champ et retapez la valeur.'
    )
    assert.equal(translate('en', 'form.controlCharacters'), 'Invisible (control) characters are refused: clear the field and type the value again.')
  })
})

describe('control characters in the other text fields', () => {
  test('a text area keeps its line breaks and tabs, never a NUL or another control character', () => {
    assert.deepEqual(parseCloseSession({ especes_comptees: '10', note: 'Tiroir\ncoincé\tà vérifier' }), {
      ok: true,
      value: { countedCents: 1000, note: 'Tiroir\ncoincé\tà vérifier' },
    })
    for (const note of ['Tiroir\u0000coincé', 'Tiroir\u0008', 'Tiroir\u009b']) {
      const parsed = parseCloseSession({ especes_comptees: '10', note })
      assert.equal(!parsed.ok && parsed.errors.note?.key, 'form.controlCharacters', JSON.stringify(note))
    }
  })

  test('a one-line field of another form refuses a NUL too (the sign-in identifier)', () => {
    const parsed = parseLogin({ identifiant: 'caissier1\u0000', mot_de_passe: 'x' })
    assert.equal(!parsed.ok && parsed.errors.identifiant?.key, 'form.controlCharacters')
  })
})

describe('parseReturn', () => {
  const lines = [
    { lineId: 11, remaining: 2 },
    { lineId: 12, remaining: 1 },
  ]

  test('keeps the lines with a quantity, bounded by what can come back', () => {
    const parsed = parseReturn({ qte_11: '0', qte_12: '1', motif: 'Abîmé', mode_remboursement: 'especes', cle: KEY }, lines)
    assert.deepEqual(parsed, {
      ok: true,
      value: { lines: [{ lineId: 12, quantity: 1, damaged: 0 }], reason: 'Abîmé', refundMethod: 'especes', idempotencyKey: KEY },
    })
    // « Dont abîmés »: how many of those returned are refunded but not put back in stock.
    const damaged = parseReturn({ qte_11: '2', abime_11: '1', motif: 'Moisi', cle: KEY }, lines)
    assert.deepEqual(damaged.ok && damaged.value.lines, [{ lineId: 11, quantity: 2, damaged: 1 }])
    const moreDamaged = parseReturn({ qte_11: '1', abime_11: '2', motif: 'Moisi', cle: KEY }, lines)
    assert.deepEqual(!moreDamaged.ok && moreDamaged.errors.abime_11, { key: 'returns.damagedOverReturned', params: { max: '1' } })
    // More damaged than the line had left says so too, not the field's own maximum.
    const beyond = parseReturn({ qte_11: '1', abime_11: '3', motif: 'Moisi', cle: KEY }, lines)
    assert.equal(!beyond.ok && beyond.errors.abime_11?.key, 'returns.damagedOverReturned')
    // Damaged with nothing returned is that, not « nothing selected ».
    const onlyDamaged = parseReturn({ abime_12: '1', motif: 'Moisi', cle: KEY }, lines)
    assert.deepEqual(!onlyDamaged.ok && onlyDamaged.errors, { abime_12: { key: 'returns.damagedWithoutQuantity' } })
    const tooMany = parseReturn({ qte_11: '3', motif: 'Abîmé', cle: KEY }, lines)
    assert.equal(!tooMany.ok && tooMany.errors.qte_11?.key, 'form.max')
  })

  test('needs at least one item and a reason', () => {
    const parsed = parseReturn({ qte_11: '0', motif: '', cle: KEY }, lines)
    assert.equal(parsed.ok, false)
    if (!parsed.ok) {
      assert.equal(parsed.errors.lignes?.key, 'returns.nothingSelected')
      assert.equal(parsed.errors.motif?.key, 'form.required')
    }
  })
})

describe('parseCartLine', () => {
  test('a quantity out of range says the range (the message is shown away from the field)', () => {
    const tooMany = parseCartLine({ produit_id: '3', quantite: '5000' })
    assert.deepEqual(!tooMany.ok && tooMany.errors.quantite, { key: 'pos.cart.quantityRange', params: { max: formatNumber(1000) } })
    const negative = parseCartLine({ produit_id: '3', quantite: '-1' })
    assert.equal(!negative.ok && negative.errors.quantite?.key, 'pos.cart.quantityRange')
    const addNone = parseCartLine({ produit_id: '3', quantite: '0' }, { allowZero: false })
    assert.equal(!addNone.ok && addNone.errors.quantite?.key, 'form.quantityRange')
    const notANumber = parseCartLine({ produit_id: '3', quantite: 'deux' })
    assert.equal(!notANumber.ok && notANumber.errors.quantite?.key, 'form.integer')
    assert.deepEqual(parseCartLine({ produit_id: '3', quantite: '0' }), { ok: true, value: { productId: 3, quantity: 0 } })
  })
})

describe('parseCancelSale', () => {
  test('cancels only when the confirmation is ticked', () => {
    const unticked = parseCancelSale({ mode_remboursement: 'carte', cle: KEY })
    assert.equal(!unticked.ok && unticked.errors.confirmer?.key, 'returns.cancelConfirmRequired')
    const other = parseCancelSale({ confirmer: 'on', cle: KEY })
    assert.equal(!other.ok && other.errors.confirmer?.key, 'returns.cancelConfirmRequired')
    assert.deepEqual(parseCancelSale({ confirmer: 'oui', mode_remboursement: 'carte', cle: KEY }), {
      ok: true,
      value: { reason: 'Annulation de la vente', refundMethod: 'carte', idempotencyKey: KEY },
    })
  })
})

describe('other forms', () => {
  test('login keeps the password as typed (spaces included)', () => {
    assert.deepEqual(parseLogin({ identifiant: ' caissier1 ', mot_de_passe: ' secret ' }), {
      ok: true,
      value: { identifiant: 'caissier1', motDePasse: ' secret ' },
    })
    assert.equal(parseLogin({ identifiant: '', mot_de_passe: '' }).ok, false)
  })

  test('an opening float of zero is allowed, a negative one is not', () => {
    assert.deepEqual(parseOpenSession({ fond_de_caisse: '0' }), { ok: true, value: { floatCents: 0 } })
    assert.equal(parseOpenSession({ fond_de_caisse: '-10' }).ok, false)
  })

  test('the float stops at 100 000 $; the count goes higher, so the expected cash of a large float can be entered', () => {
    assert.deepEqual(parseOpenSession({ fond_de_caisse: '100 000,00' }), { ok: true, value: { floatCents: 10_000_000 } })
    const float = parseOpenSession({ fond_de_caisse: '1 000 000' })
    assert.equal(float.ok, false)
    if (!float.ok) assert.deepEqual(float.errors.fond_de_caisse, { key: 'form.moneyMax', params: { max: formatMoney(10_000_000) } })
    assert.deepEqual(parseCloseSession({ especes_comptees: '1 000 013,34' }), { ok: true, value: { countedCents: 100_001_334, note: null } })
    assert.equal(parseCloseSession({ especes_comptees: '10 000 000,01' }).ok, false)
  })
})
