import { randomBytes } from 'node:crypto'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import ApiToken from '#access/models/api_token'
import { hashToken, issueToken } from '#access/services/token_service'
import {
  credentialsPath,
  readDevCredentials,
  writeDevCredentials,
  type DevCredentials,
} from '#access/services/dev_credentials'
import { STORES } from '#database/data/reference_data'

const DEV_TOKEN_NAME = 'dev-integration'

/**
 * Development accounts (one admin, one manager, one clerk per store) and one
 * integration token, written to .data/dev-credentials.json. Passwords and
 * the token are generated on first run and kept on later runs, so the file
 * and the database always agree.
 */
export default class DevAccessSeeder extends BaseSeeder {
  async run() {
    const previous = readDevCredentials()
    const stores = await db.from('stores').whereIn('name', STORES.map((s) => s.name)).orderBy('id')

    const wanted = [
      { username: 'admin', role: 'admin', storeId: null, fullName: 'Administratrice' },
      { username: 'gerant', role: 'manager', storeId: null, fullName: 'Gérant du siège' },
      ...stores.map((store, index) => ({
        username: `caissier${index + 1}`,
        role: 'clerk',
        storeId: Number(store.id),
        fullName: `Caissier ${store.name}`,
      })),
    ]

    const users: DevCredentials['users'] = []
    for (const account of wanted) {
      const known = previous?.users.find((u) => u.username === account.username)
      const password = known?.password ?? randomBytes(9).toString('base64url')
      await db
        .insertQuery()
        .table('users')
        .insert({
          username: account.username,
          email: `${account.username}@comptoir.local`,
          full_name: account.fullName,
          password: await hash.make(password),
          role: account.role,
          store_id: account.storeId,
          // The dev accounts' passwords are the ones in dev-credentials.json: never one to replace first.
          must_change_password: false,
        })
        .onConflict('username')
        .merge(['password', 'role', 'store_id', 'is_active', 'must_change_password'])
      users.push({ username: account.username, password, role: account.role, storeId: account.storeId })
    }

    const apiToken = await this.ensureIntegrationToken(previous?.apiToken)
    const credentials: DevCredentials = {
      apiBaseUrl: process.env.API_BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3333}`,
      webBaseUrl: process.env.WEB_BASE_URL ?? 'http://127.0.0.1:3000',
      apiToken,
      users,
    }
    writeDevCredentials(credentials)
    this.print(credentials)
  }

  private async ensureIntegrationToken(previousToken: string | undefined) {
    if (previousToken) {
      const existing = await ApiToken.query()
        .where('token_hash', hashToken(previousToken))
        .whereNull('revoked_at')
        .first()
      if (existing) return previousToken
    }
    await ApiToken.query().where('name', DEV_TOKEN_NAME).whereNull('revoked_at').update({ revokedAt: new Date() })
    const { token } = await issueToken({ name: DEV_TOKEN_NAME, scopes: ['read', 'write', 'reports', 'admin'] })
    return token
  }

  private print(credentials: DevCredentials) {
    const lines = [
      `Development credentials (also in ${credentialsPath()}):`,
      `  API token: ${credentials.apiToken}`,
      ...credentials.users.map(
        (u) => `  ${u.role.padEnd(8)} ${u.username.padEnd(11)} ${u.password}${u.storeId ? `  (magasin ${u.storeId})` : ''}`
      ),
    ]
    console.log(lines.join('\n'))
  }
}
