import assert from 'node:assert/strict'
import { test } from 'node:test'

import { passwordChangeDetour } from '../../app/lib/auth/password-change.ts'
import type { SessionUser } from '../../app/lib/auth/roles.ts'
import { navFor } from '../../app/lib/nav.ts'

const clerk: SessionUser = { id: 3, username: 'caissier1', fullName: 'C', role: 'clerk', storeId: 1 }
const given: SessionUser = { ...clerk, mustChangePassword: true }

test('a user whose password an administrator set is sent to /compte from every other page', () => {
  for (const path of ['/', '/magasins/1/caisses', '/rapports.csv/ventes', '/compte/']) {
    assert.equal(passwordChangeDetour(given, path), '/compte', path)
  }
  assert.equal(passwordChangeDetour(given, '/compte'), null)
})

test('a user who chose their password, or a session opened before the flag existed, goes anywhere', () => {
  assert.equal(passwordChangeDetour({ ...clerk, mustChangePassword: false }, '/magasins/1/caisses'), null)
  assert.equal(passwordChangeDetour(clerk, '/'), null)
})

test('no menu while the password must be changed: every entry would lead back to /compte', () => {
  assert.deepEqual(navFor(given), [])
  assert.notDeepEqual(navFor(clerk), [])
})
