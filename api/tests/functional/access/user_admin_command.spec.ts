import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import { hashToken } from '#access/services/token_service'
import { makeUser, sessionFor, uniqueIp } from '#tests/functional/access/helpers'
import { runCommand } from '#tests/helpers/ace_command'

const temporaryPassword = (output: string) => /^[A-Za-z0-9_-]{16}$/m.exec(output)?.[0]

test.group('user:admin', (group) => {
  group.setup(() => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates an administrator whose printed password signs in once, to be replaced', async ({ client, assert }) => {
    const { exitCode, output } = await runCommand('user:admin', ['Marie', '--email', 'marie@example.com', '--name', 'Marie Tremblay'])
    assert.equal(exitCode, 0, output)
    const password = temporaryPassword(output)
    assert.isString(password, output)
    const row = await db.from('users').where('username', 'marie').firstOrFail()
    assert.containsSubset(row, { role: 'admin', full_name: 'Marie Tremblay', email: 'marie@example.com', is_active: true, must_change_password: true })

    const login = await client.post('/api/v1/auth/login').header('x-forwarded-for', uniqueIp()).json({ identifiant: 'marie', mot_de_passe: password })
    login.assertStatus(200)
    assert.isTrue(login.body().utilisateur.doit_changer_mot_de_passe)
  })

  test('refuses what would not make a usable administrator, with exit code 1', async ({ assert }) => {
    const taken = await makeUser('manager')
    for (const [argv, message] of [
      [['nobody'], /--email is required/],
      [['x', '--email', 'x@example.com'], /Invalid/],
      [['new-admin', '--email', 'not-an-email'], /Invalid/],
      [[taken.username, '--email', 'other@example.com'], /already/i],
    ] as const) {
      const { exitCode, output } = await runCommand('user:admin', [...argv])
      assert.equal(exitCode, 1, argv.join(' '))
      assert.match(output, message, argv.join(' '))
    }
  })

  test('--reset gives an administrator a new temporary password, reactivates them and ends their sessions', async ({ client, assert }) => {
    const admin = await makeUser('admin', { isActive: false })
    const session = await sessionFor(admin)
    const { exitCode, output } = await runCommand('user:admin', [admin.username, '--reset'])
    assert.equal(exitCode, 0, output)
    const row = await db.from('users').where('id', admin.id).firstOrFail()
    assert.containsSubset(row, { is_active: true, must_change_password: true })
    const revoked = await db.from('api_tokens').where('token_hash', hashToken(session)).firstOrFail()
    assert.isNotNull(revoked.revoked_at)
    const login = await client
      .post('/api/v1/auth/login')
      .header('x-forwarded-for', uniqueIp())
      .json({ identifiant: admin.username, mot_de_passe: temporaryPassword(output) })
    login.assertStatus(200)

    // Not a way to make someone an administrator from a shell, nor to invent an account.
    const clerk = await makeUser('clerk')
    const notAdmin = await runCommand('user:admin', [clerk.username, '--reset'])
    assert.equal(notAdmin.exitCode, 1)
    assert.match(notAdmin.output, /is not an administrator/)
    assert.equal((await runCommand('user:admin', ['ghost', '--reset'])).exitCode, 1)
  })
})
