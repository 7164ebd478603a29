import assert from 'node:assert/strict'
import { test } from 'node:test'

import { canAccessStore, type SessionUser } from '../../app/lib/auth/roles.ts'
import { ONE_ROW_MAX, homeFor, navFor, navRow } from '../../app/lib/nav.ts'

const clerk: SessionUser = { id: 3, username: 'caissier1', fullName: 'C', role: 'clerk', storeId: 1 }
const manager: SessionUser = { id: 2, username: 'gerant', fullName: 'G', role: 'manager', storeId: null }

test('a clerk’s menu leads to their own store only (and the journal, which the loader narrows to it), with no management entry', () => {
  assert.deepEqual(
    navFor(clerk).map((item) => item.href),
    ['/magasins/1/caisses', '/magasins/1/stock', '/ventes']
  )
  assert.equal(homeFor(clerk), '/magasins/1/caisses')
})

test('a manager’s menu has the dashboard, every store, the reports, the sales journal and management', () => {
  assert.deepEqual(
    navFor(manager).map((item) => item.id),
    ['dashboard', 'stores', 'warehouse', 'replenishments', 'reports', 'sales', 'management', 'products']
  )
  assert.deepEqual(navFor(null), [])
})

test('users and API tokens are in the administrator’s menu only; products for managers and administrators', () => {
  const admin: SessionUser = { id: 1, username: 'admin', fullName: 'A', role: 'admin', storeId: null }
  const ids = (user: SessionUser) => navFor(user).map((item) => item.id)
  for (const id of ['products', 'users', 'tokens']) assert.ok(ids(admin).includes(id), id)
  assert.ok(ids(manager).includes('products'))
  for (const user of [clerk, manager]) {
    assert.ok(!ids(user).includes('users') && !ids(user).includes('tokens'), user.role)
  }
  assert.ok(!ids(clerk).includes('products'))
  assert.equal(navFor(admin).find((item) => item.id === 'tokens')?.href, '/jetons')
})

test('an administrator’s ten entries fold the management pages into one dropdown; a manager’s eight stay a row', () => {
  const admin: SessionUser = { id: 1, username: 'admin', fullName: 'A', role: 'admin', storeId: null }
  const shape = (user: SessionUser) =>
    navRow(navFor(user)).map((entry) => (entry.kind === 'link' ? entry.link.id : `${entry.label}: ${entry.links.map((link) => link.id).join(' ')}`))
  assert.deepEqual(shape(admin), ['dashboard', 'stores', 'warehouse', 'replenishments', 'reports', 'sales', 'nav.management: management products users tokens'])
  assert.ok(navFor(manager).length <= ONE_ROW_MAX)
  assert.deepEqual(shape(manager), navFor(manager).map((link) => link.id))
  assert.deepEqual(shape(clerk), ['registers', 'stock', 'sales'])
})

test('store access follows the API rule', () => {
  assert.equal(canAccessStore(clerk, 1), true)
  assert.equal(canAccessStore(clerk, 2), false)
  assert.equal(canAccessStore(manager, 2), true)
})
