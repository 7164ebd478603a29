import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { parseCategory, parseProduct } from '../../app/lib/forms/catalog.ts'

const valid = { nom: "<img src=x onerror=alert(1)> Jus d'orange", categorie_id: '2', prix: '3,49' }

describe('parseProduct (shared by the browser and the actions)', () => {
  test('a new product: dollars typed the fr-CA way become integer cents; code and stock are optional', () => {
    const parsed = parseProduct({ ...valid, description: '  Pur jus  ' }, { creating: true })
    assert.deepEqual(parsed, {
      ok: true,
      value: {
        code: null,
        name: "<img src=x onerror=alert(1)> Jus d'orange",
        description: 'Pur jus',
        priceCents: 349,
        categoryId: 2,
        barcode: null,
        openingStock: null,
      },
    })
    for (const [typed, cents] of [['3.49', 349], ['12', 1200], ['1 234,5 $', 123450], ['0', 0]] as const) {
      const result = parseProduct({ ...valid, prix: typed, prix_nul: 'oui' }, { creating: true })
      assert.equal(result.ok && result.value.priceCents, cents, typed)
    }
  })

  test('a price of 0.00 is refused until its box confirms the product is free; any other price needs no box', () => {
    for (const typed of ['0', '0,00', '0 $']) {
      assert.deepEqual(parseProduct({ ...valid, prix: typed }, { creating: true }), {
        ok: false,
        errors: { prix_nul: { key: 'products.zeroPriceUnconfirmed' } },
      })
      for (const creating of [true, false]) {
        const confirmed = parseProduct({ ...valid, code: 'JUS001', prix: typed, prix_nul: 'oui' }, { creating })
        assert.equal(confirmed.ok && confirmed.value.priceCents, 0)
      }
    }
    assert.equal(parseProduct({ ...valid, prix: '0,01' }, { creating: true }).ok, true)
  })

  test('an invalid price is a message on the price field, not a rounded number', () => {
    const expected: Record<string, string> = {
      douze: 'form.money',
      '3.4.9': 'form.money',
      '': 'form.required',
      // An amount after all, and what is wrong with it.
      '3,499': 'form.moneyCents',
      '-2': 'form.moneyNegative',
      '- 1,50 $': 'form.moneyNegative',
    }
    for (const [typed, key] of Object.entries(expected)) {
      const parsed = parseProduct({ ...valid, prix: typed }, { creating: true })
      assert.equal(parsed.ok, false, typed)
      if (!parsed.ok) assert.equal(parsed.errors.prix?.key, key, typed)
    }
    // A well-formed amount above the limit says so (not "enter an amount, e.g. 12,50").
    for (const typed of ['2000000', '1000000,01', '999999999', '99999999999', '1 000 000 000 000,50']) {
      const tooMuch = parseProduct({ ...valid, prix: typed }, { creating: true })
      assert.deepEqual(!tooMuch.ok && tooMuch.errors.prix, { key: 'form.moneyMax', params: { max: '1\u00a0000\u00a0000,00\u00a0$' } }, typed)
    }
  })

  test('`.` and `..` are not codes (a URL resolves them away); dots inside a code are', () => {
    const base = { nom: 'Jus', categorie_id: '2', prix: '1' }
    for (const code of ['.', '..']) {
      const parsed = parseProduct({ ...base, code }, { creating: true })
      assert.equal(parsed.ok ? null : parsed.errors.code?.key, 'products.codePattern', code)
    }
    assert.equal(parseProduct({ ...base, code: 'JUS.01' }, { creating: true }).ok, true)
    assert.equal(parseProduct({ ...base, code: '...' }, { creating: true }).ok, true)
  })

  test('codes and barcodes keep to the API’s characters; every field says what is wrong', () => {
    const parsed = parseProduct(
      { code: 'JUS 01', nom: '', categorie_id: '', prix: '1', code_barre: '123 456', quantite_stock: '-1', description: 'x'.repeat(1001) },
      { creating: true }
    )
    assert.equal(parsed.ok, false)
    if (parsed.ok) return
    assert.deepEqual(
      Object.fromEntries(Object.entries(parsed.errors).map(([field, message]) => [field, message.key])),
      {
        code: 'products.codePattern',
        nom: 'form.required',
        categorie_id: 'form.required',
        code_barre: 'products.barcodePattern',
        quantite_stock: 'form.min',
        description: 'form.tooLong',
      }
    )
  })

  test('an edit needs the code and ignores the opening stock (stock changes through movements)', () => {
    const missing = parseProduct(valid, { creating: false })
    assert.equal(!missing.ok && missing.errors.code?.key, 'form.required')
    const edit = parseProduct({ ...valid, code: 'BOI-9.x_1', quantite_stock: '50', code_barre: '0123-45' }, { creating: false })
    assert.ok(edit.ok)
    assert.equal(edit.value.code, 'BOI-9.x_1')
    assert.equal(edit.value.barcode, '0123-45')
    assert.equal(edit.value.openingStock, null)
    const stock = parseProduct({ ...valid, quantite_stock: '250' }, { creating: true })
    assert.equal(stock.ok && stock.value.openingStock, 250)
  })

  test('reads FormData as the action receives it', () => {
    const form = new FormData()
    for (const [name, value] of Object.entries({ ...valid, code: 'E2E-1' })) form.set(name, value)
    const parsed = parseProduct(form, { creating: true })
    assert.equal(parsed.ok && parsed.value.code, 'E2E-1')
  })
})

describe('parseCategory', () => {
  test('a name is required (100 characters at most); an empty description is null', () => {
    assert.deepEqual(parseCategory({ nom: ' Surgelés ', description: '' }), { ok: true, value: { name: 'Surgelés', description: null } })
    const refused = parseCategory({ nom: '', description: 'd'.repeat(501) })
    assert.equal(!refused.ok && refused.errors.nom?.key, 'form.required')
    assert.equal(!refused.ok && refused.errors.description?.key, 'form.tooLong')
    assert.equal(parseCategory({ nom: 'n'.repeat(101) }).ok, false)
  })
})
