import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import { hashToken } from '#access/services/token_service'
import { makeUser, sessionFor } from '#tests/functional/access/helpers'
import { runCommand } from '#tests/helpers/ace_command'


test.group('token:create, token:list, token:revoke', (group) => {
  group.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('token:create prints a working token once and stores its hash', async ({ client, assert }) => {
    const { exitCode, output } = await runCommand('token:create', ['erp-sync', '--scopes', 'read,reports', '--expires-in', '90d'])
    assert.equal(exitCode, 0, output)
    const token = /cpt_[A-Za-z0-9_-]{43}/.exec(output)?.[0]
    assert.isString(token, output)
    const row = await db.from('api_tokens').where('token_hash', hashToken(token!)).firstOrFail()
    assert.containsSubset(row, { name: 'erp-sync', kind: 'integration', scopes: ['read', 'reports'] })
    const days = DateTime.fromJSDate(row.expires_at).diffNow('days').days
    assert.approximately(days, 90, 0.01)
    ;(await client.get('/api/v1/stores').header('x-api-token', token!)).assertStatus(200)
  })

  test('token:create without --expires-in never expires; default scope is read', async ({ assert }) => {
    const { exitCode } = await runCommand('token:create', ['kiosk'])
    assert.equal(exitCode, 0)
    const row = await db.from('api_tokens').where('name', 'kiosk').firstOrFail()
    assert.deepEqual(row.scopes, ['read'])
    assert.isNull(row.expires_at)
  })

  test('token:create refuses bad scopes, durations and names with exit code 1', async ({ assert }) => {
    for (const argv of [
      ['bad-scope', '--scopes', 'read,root'],
      ['no-scope', '--scopes', ','],
      ['bad-duration', '--expires-in', '90 days'],
      ['zero-duration', '--expires-in', '0d'],
      ['x'.repeat(101)],
    ]) {
      const { exitCode, output } = await runCommand('token:create', argv)
      assert.equal(exitCode, 1, argv.join(' '))
      assert.match(output, /Invalid/, argv.join(' '))
    }
    assert.lengthOf(await db.from('api_tokens'), 0)
  })

  test('token:list shows integration tokens without secrets', async ({ assert }) => {
    await runCommand('token:create', ['listed', '--scopes', 'write'])
    await sessionFor(await makeUser('admin'))
    const row = await db.from('api_tokens').where('name', 'listed').firstOrFail()
    const { exitCode, output } = await runCommand('token:list', [])
    assert.equal(exitCode, 0)
    assert.include(output, 'listed')
    assert.include(output, row.token_prefix)
    assert.notInclude(output, row.token_hash)
    assert.notInclude(output, 'session')
  })

  test('token:revoke by id and by prefix; unknown and malformed fail', async ({ client, assert }) => {
    await runCommand('token:create', ['first'])
    const { output } = await runCommand('token:create', ['second'])
    const secondToken = /cpt_[A-Za-z0-9_-]{43}/.exec(output)![0]
    const first = await db.from('api_tokens').where('name', 'first').firstOrFail()

    assert.equal((await runCommand('token:revoke', [String(first.id)])).exitCode, 0)
    assert.isNotNull((await db.from('api_tokens').where('id', first.id).firstOrFail()).revoked_at)
    const again = await runCommand('token:revoke', [String(first.id)])
    assert.equal(again.exitCode, 0)
    assert.include(again.output, 'already revoked')

    const byPrefix = await runCommand('token:revoke', [secondToken.slice(0, 12)])
    assert.equal(byPrefix.exitCode, 0, byPrefix.output)
    ;(await client.get('/api/v1/stores').header('x-api-token', secondToken)).assertStatus(401)

    assert.equal((await runCommand('token:revoke', ['999999'])).exitCode, 1)
    assert.equal((await runCommand('token:revoke', ['cpt_zzzzzzzz'])).exitCode, 1)
    assert.equal((await runCommand('token:revoke', ['not a token'])).exitCode, 1)
  })

  test('token:revoke does not touch session tokens', async ({ assert }) => {
    await sessionFor(await makeUser('manager'))
    const session = await db.from('api_tokens').where('kind', 'session').firstOrFail()
    assert.equal((await runCommand('token:revoke', [String(session.id)])).exitCode, 1)
    assert.isNull((await db.from('api_tokens').where('id', session.id).firstOrFail()).revoked_at)
  })
})

test.group('ace commands as an operator runs them', () => {
  // A separate process imports every command before the app boots: a module
  // that touches a service at import time breaks every command (it once did).
  test('`node ace token:list` runs in its own process', async ({ assert }) => {
    const apiRoot = fileURLToPath(new URL('../../../', import.meta.url))
    const { stdout } = await promisify(execFile)(process.execPath, ['ace', 'token:list'], {
      cwd: apiRoot,
      env: { ...process.env, NODE_ENV: 'development' },
    })
    assert.match(stdout, /token|jeton|No integration/i)
  }).timeout(60_000)
})
