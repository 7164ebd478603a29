import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import type { ApiErrorEnvelope } from '../../app/lib/api/errors.ts'
import { PRODUCT_FIELDS } from '../../app/lib/forms/catalog.ts'
import { translate } from '../../app/lib/i18n/index.ts'
import { bindFields, echoFields, fieldErrorsFromApi, firstFieldInError, refusalsByPlace } from '../../app/lib/forms/refusals.ts'

function envelope(error_code: string, status: number, details: unknown): ApiErrorEnvelope {
  return { timestamp: '2026-03-10T12:00:00Z', status, error: 'x', message: 'refused', path: '/api/v1/products', error_code, details }
}

describe('fieldErrorsFromApi: the API’s refusals land on the fields they name', () => {
  test('VALIDATION_ERROR: one message per field, by rule; unknown rules read "refused"', () => {
    const errors = fieldErrorsFromApi(
      envelope('VALIDATION_ERROR', 422, {
        validation_errors: [
          { field: 'categorie_id', message: 'Category with identifier 9 does not exist', type: 'exists' },
          { field: 'prix', message: 'The prix field must be a number', type: 'money' },
          { field: 'prix', message: 'second message, same field', type: 'max' },
          { field: 'code', message: 'The code field format is invalid', type: 'regex' },
        ],
      }),
      PRODUCT_FIELDS
    )
    assert.deepEqual(errors, {
      categorie_id: { key: 'form.gone' },
      prix: { key: 'form.money' },
      code: { key: 'form.serverRejected' },
    })
  })

  test('nested fields count for their top-level field (scopes.1 is the scopes check boxes)', () => {
    const errors = fieldErrorsFromApi(
      envelope('VALIDATION_ERROR', 422, { validation_errors: [{ field: 'scopes.1', message: 'bad', type: 'enum' }] }),
      ['nom', 'scopes']
    )
    assert.deepEqual(errors, { scopes: { key: 'form.serverRejected' } })
  })

  test('the clerk-store rules of the users API have their own words', () => {
    const errors = fieldErrorsFromApi(
      envelope('VALIDATION_ERROR', 422, { validation_errors: [{ field: 'magasin_id', message: 'required for a clerk', type: 'requiredForClerk' }] }),
      ['role', 'magasin_id']
    )
    assert.deepEqual(errors, { magasin_id: { key: 'users.storeRequired' } })
  })

  test('DUPLICATE_RESOURCE names its field: "already used" on that field', () => {
    const errors = fieldErrorsFromApi(envelope('DUPLICATE_RESOURCE', 409, { resource: 'Product', field: 'code', value: 'ALI001' }), PRODUCT_FIELDS)
    assert.deepEqual(errors, { code: { key: 'form.taken' } })
  })

  test('DUPLICATE_RESOURCE naming the product that has the value: « Déjà utilisé par … », linked to that product', () => {
    const details = { resource: 'Product', field: 'code_barre', value: '777', existing: { id: 12, code: 'RIZ001', nom: 'Riz basmati' } }
    assert.deepEqual(fieldErrorsFromApi(envelope('DUPLICATE_RESOURCE', 409, details), PRODUCT_FIELDS), {
      code_barre: { key: 'form.takenBy', params: { name: 'Riz basmati', code: 'RIZ001' }, to: '/produits/12' },
    })
    assert.equal(translate('fr', 'form.takenBy', { name: 'Riz basmati', code: 'RIZ001' }), 'Déjà utilisé par Riz basmati (RIZ001)')
    assert.equal(translate('en', 'form.takenBy', { name: 'Riz basmati', code: 'RIZ001' }), 'Already used by Riz basmati (RIZ001)')
  })

  test('a holder the web has no page for, or only partly described, leaves the plain « Déjà utilisé »', () => {
    for (const details of [
      { resource: 'Store', field: 'code', value: 'X', existing: { id: 1, code: 'X', nom: 'Nord' } },
      { resource: 'Product', field: 'code', value: 'X', existing: { id: '1', code: 'X', nom: 'Pain' } },
      { resource: 'Product', field: 'code', value: 'X', existing: null },
    ]) {
      assert.deepEqual(fieldErrorsFromApi(envelope('DUPLICATE_RESOURCE', 409, details), PRODUCT_FIELDS), { code: { key: 'form.taken' } })
    }
  })

  test('DUPLICATE_RESOURCE listing every value taken: each of those fields at once', () => {
    const details = {
      resource: 'User',
      field: 'nom_utilisateur',
      value: 'gerant',
      duplicates: [
        { field: 'nom_utilisateur', value: 'gerant' },
        { field: 'email', value: 'caissier1@comptoir.local' },
      ],
    }
    assert.deepEqual(fieldErrorsFromApi(envelope('DUPLICATE_RESOURCE', 409, details), ['nom_utilisateur', 'email', 'role']), {
      nom_utilisateur: { key: 'form.taken' },
      email: { key: 'form.taken' },
    })
  })

  test('refusals about no field of the form are null (shown above the form instead)', () => {
    assert.equal(
      fieldErrorsFromApi(envelope('VALIDATION_ERROR', 422, { validation_errors: [{ field: 'quantite_stock', message: 'read only', type: 'readOnly' }] }), ['nom']),
      null
    )
    assert.equal(fieldErrorsFromApi(envelope('RESOURCE_IN_USE', 409, { resource: 'Product', used_by: ['sales'] }), PRODUCT_FIELDS), null)
    assert.equal(fieldErrorsFromApi(envelope('VALIDATION_ERROR', 422, null), PRODUCT_FIELDS), null)
    assert.equal(fieldErrorsFromApi(envelope('DUPLICATE_RESOURCE', 409, { field: 'email' }), PRODUCT_FIELDS), null)
  })
})

describe('after a refusal', () => {
  test('the focus goes to the first field in error in the order the form shows them', () => {
    assert.equal(firstFieldInError({ description: { key: 'form.tooLong' }, prix: { key: 'form.money' } }, PRODUCT_FIELDS), 'prix')
    assert.equal(firstFieldInError({}, PRODUCT_FIELDS), null)
    assert.equal(firstFieldInError(undefined, PRODUCT_FIELDS), null)
  })

  test('bound fields carry their ids, messages and one focus: the first in error, else the fallback', () => {
    const errors = { description: { key: 'form.tooLong' as const }, prix: { key: 'form.money' as const } }
    const field = bindFields('product', errors, PRODUCT_FIELDS, 'code')
    assert.deepEqual(field('prix'), { formId: 'product', name: 'prix', error: { key: 'form.money' }, autoFocus: true })
    assert.deepEqual(field('description'), { formId: 'product', name: 'description', error: { key: 'form.tooLong' }, autoFocus: false })
    assert.equal(field('code').autoFocus, false)
    const clean = bindFields('product', {}, PRODUCT_FIELDS, 'code')
    assert.deepEqual(clean('code'), { formId: 'product', name: 'code', error: undefined, autoFocus: true })
    assert.equal(bindFields('product', {}, PRODUCT_FIELDS)('code').autoFocus, false)
  })

  test('a record page shows the form’s refusal on the form and the other actions’ beside it', () => {
    const saving = { intent: 'save', fieldErrors: { nom: { key: 'form.required' as const } } }
    const deleting = { intent: 'delete', error: { key: 'categories.inUse' as const } }
    assert.deepEqual(refusalsByPlace(saving), { form: saving })
    assert.deepEqual(refusalsByPlace(deleting), { aside: deleting })
    assert.deepEqual(refusalsByPlace(undefined), {})
  })

  test('the fields come back as typed, and only the ones asked for (no CSRF token, no password)', () => {
    const form = new FormData()
    form.set('nom', ' Jus ')
    form.set('csrf', 'secret')
    form.set('mot_de_passe', 'hunter2hunter2')
    assert.deepEqual(echoFields(form, ['nom', 'prix']), { nom: 'Jus', prix: '' })
  })
})
