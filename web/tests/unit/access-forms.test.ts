import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { isGuessablePassword, lastValidDay, parsePasswordChange, parseToken, parseUser, tokenState } from '../../app/lib/forms/access.ts'

const clerk = {
  nom_utilisateur: 'Caissier9',
  nom_complet: 'Caissière Neuf',
  email: 'Caissier9@Comptoir.Local',
  role: 'clerk',
  magasin_id: '3',
  mot_de_passe: ' une phrase de passe ',
}

describe('parseUser', () => {
  test('a clerk with a store; username and e-mail lower-cased; the password kept as typed', () => {
    assert.deepEqual(parseUser(clerk, { creating: true }), {
      ok: true,
      value: {
        username: 'caissier9',
        fullName: 'Caissière Neuf',
        email: 'caissier9@comptoir.local',
        role: 'clerk',
        storeId: 3,
        password: ' une phrase de passe ',
      },
    })
  })

  test('a password tried first is refused whatever its length (the API’s rule)', () => {
    for (const guessable of ['1111111111', '0123456789', 'abcdefghijk', '9876543210', 'ZZZZZZZZZZZZ']) {
      const parsed = parseUser({ ...clerk, mot_de_passe: guessable }, { creating: true })
      assert.deepEqual(!parsed.ok && parsed.errors.mot_de_passe, { key: 'form.passwordGuessable' }, guessable)
    }
    for (const fine of ['1234567890a', 'aaaaaaaaab', ' une phrase de passe ']) assert.equal(isGuessablePassword(fine), false, fine)
  })

  test('a clerk needs a store; for a manager the store select is ignored', () => {
    const noStore = parseUser({ ...clerk, magasin_id: '' }, { creating: true })
    assert.equal(!noStore.ok && noStore.errors.magasin_id?.key, 'users.storeRequired')
    const manager = parseUser({ ...clerk, role: 'manager', magasin_id: '2' }, { creating: true })
    assert.equal(manager.ok && manager.value.storeId, null)
    const forged = parseUser({ ...clerk, role: 'superuser' }, { creating: true })
    assert.equal(!forged.ok && forged.errors.role?.key, 'form.choice')
  })

  test('refuses what the API would: username characters and length, e-mail, short passwords', () => {
    const parsed = parseUser({ ...clerk, nom_utilisateur: 'jean dupont', email: 'pas-un-courriel', mot_de_passe: 'court' }, { creating: true })
    assert.equal(parsed.ok, false)
    if (parsed.ok) return
    assert.equal(parsed.errors.nom_utilisateur?.key, 'users.usernamePattern')
    assert.equal(parsed.errors.email?.key, 'form.email')
    assert.deepEqual(parsed.errors.mot_de_passe, { key: 'form.tooShort', params: { min: '10' } })
    const short = parseUser({ ...clerk, nom_utilisateur: 'ab' }, { creating: true })
    assert.equal(!short.ok && short.errors.nom_utilisateur?.key, 'form.tooShort')
  })

  test('a password is required on creation; on an edit, empty means unchanged', () => {
    const created = parseUser({ ...clerk, mot_de_passe: '' }, { creating: true })
    assert.equal(!created.ok && created.errors.mot_de_passe?.key, 'form.required')
    const edited = parseUser({ ...clerk, mot_de_passe: '' }, { creating: false })
    assert.equal(edited.ok && edited.value.password, null)
  })
})

describe('parsePasswordChange', () => {
  const change = { mot_de_passe_actuel: 'ancienne phrase', nouveau_mot_de_passe: ' nouvelle phrase ', confirmation: ' nouvelle phrase ' }

  test('the current password and the new one, kept as typed (spaces belong to them)', () => {
    assert.deepEqual(parsePasswordChange(change), { ok: true, value: { current: 'ancienne phrase', next: ' nouvelle phrase ' } })
  })

  test('every field is required', () => {
    const empty = parsePasswordChange({})
    assert.deepEqual(empty.ok ? null : Object.keys(empty.errors).sort(), ['confirmation', 'mot_de_passe_actuel', 'nouveau_mot_de_passe'])
  })

  test('the new password: long enough, not the current one, typed twice the same', () => {
    const short = parsePasswordChange({ ...change, nouveau_mot_de_passe: 'court', confirmation: 'court' })
    assert.deepEqual(!short.ok && short.errors.nouveau_mot_de_passe, { key: 'form.tooShort', params: { min: '10' } })
    const same = parsePasswordChange({ ...change, nouveau_mot_de_passe: 'ancienne phrase', confirmation: 'ancienne phrase' })
    assert.equal(!same.ok && same.errors.nouveau_mot_de_passe?.key, 'account.samePassword')
    const typo = parsePasswordChange({ ...change, confirmation: ' nouvelle phrasE ' })
    assert.equal(!typo.ok && typo.errors.confirmation?.key, 'account.confirmationMismatch')
    assert.equal(!typo.ok && typo.errors.nouveau_mot_de_passe, undefined)
  })
})

describe('parseToken', () => {
  const TODAY = '2026-03-10'

  test('a name, the scopes ticked (in a fixed order) and an optional last day', () => {
    const form = new URLSearchParams([
      ['nom', ' synchro-erp '],
      ['scopes', 'reports'],
      ['scopes', 'read'],
      ['expire_le', '2026-06-30'],
    ])
    assert.deepEqual(parseToken(form, TODAY), { ok: true, value: { name: 'synchro-erp', scopes: ['read', 'reports'], lastDay: '2026-06-30' } })
    const forever = parseToken(new URLSearchParams([['nom', 'x'], ['scopes', 'admin']]), TODAY)
    assert.equal(forever.ok && forever.value.lastDay, null)
  })

  test('at least one known scope; a real date, today at the earliest', () => {
    const none = parseToken(new URLSearchParams([['nom', 'x']]), TODAY)
    assert.equal(!none.ok && none.errors.scopes?.key, 'tokens.scopesRequired')
    const forged = parseToken(new URLSearchParams([['nom', 'x'], ['scopes', 'read'], ['scopes', 'root']]), TODAY)
    assert.equal(!forged.ok && forged.errors.scopes?.key, 'form.choice')
    for (const [day, key] of [['2026-02-30', 'form.date'], ['30/06/2026', 'form.date'], ['2026-03-09', 'tokens.expiryPast']] as const) {
      const parsed = parseToken(new URLSearchParams([['nom', 'x'], ['scopes', 'read'], ['expire_le', day]]), TODAY)
      assert.equal(!parsed.ok && parsed.errors.expire_le?.key, key, day)
    }
    assert.ok(parseToken(new URLSearchParams([['nom', 'x'], ['scopes', 'read'], ['expire_le', TODAY]]), TODAY).ok)
  })
})

describe('lastValidDay: the day a token was chosen to last until, read back from its expiry', () => {
  test('midnight at the end of the day in Montréal, as the API stores a day sent as expire_le: summer and winter', () => {
    for (const [instant, day] of [
      ['2026-07-01T04:00:00.000Z', '2026-06-30'],
      ['2026-01-16T05:00:00.000Z', '2026-01-15'],
      ['2027-01-01T05:00:00.000Z', '2026-12-31'],
      // The night clocks go back (1 November 2026): midnight is still UTC−4.
      ['2026-11-01T04:00:00.000Z', '2026-10-31'],
      ['2027-03-02T05:00:00.000Z', '2027-03-01'],
    ] as const) {
      assert.equal(lastValidDay(instant), day, instant)
    }
  })
  test('an expiry at another time of day (set through the API) has no such day', () => {
    assert.equal(lastValidDay('2026-07-01T14:30:00.000Z'), null)
    assert.equal(lastValidDay('2026-07-01T04:00:30.000Z'), null)
    assert.equal(lastValidDay('not a date'), null)
  })
})

describe('tokenState', () => {
  const now = Date.parse('2026-03-10T12:00:00Z')
  test('revoked wins, then expired, else active', () => {
    assert.equal(tokenState({ revoque_le: '2026-03-01T00:00:00Z', expire_le: null }, now), 'revoked')
    assert.equal(tokenState({ revoque_le: null, expire_le: '2026-03-10T11:59:59Z' }, now), 'expired')
    assert.equal(tokenState({ revoque_le: null, expire_le: '2026-03-11T00:00:00Z' }, now), 'active')
    assert.equal(tokenState({ revoque_le: null, expire_le: null }, now), 'active')
  })
})
