import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { DateTime } from 'luxon'
import ApiToken from '#access/models/api_token'

/** Lists integration tokens (never their secret): id, prefix, scopes, dates and status. */
export default class TokenList extends BaseCommand {
  static commandName = 'token:list'
  static description = 'List integration API tokens with their scopes, last use, expiry and status'
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Also list revoked and expired tokens' })
  declare all: boolean

  async run() {
    const now = DateTime.utc()
    const tokens = await ApiToken.query().where('kind', 'integration').orderBy('id')
    const shown = tokens.filter((t) => this.all || status(t, now) === 'active')
    if (shown.length === 0) {
      this.logger.info(this.all ? 'No integration tokens' : 'No active integration tokens (use --all to see revoked and expired ones)')
      return
    }
    const table = this.ui.table()
    table.head(['Id', 'Name', 'Prefix', 'Scopes', 'Created', 'Last used', 'Expires', 'Status'])
    for (const token of shown) {
      table.row([
        String(token.id),
        token.name,
        token.tokenPrefix,
        token.scopes.join(','),
        day(token.createdAt),
        day(token.lastUsedAt),
        day(token.expiresAt),
        status(token, now),
      ])
    }
    table.render()
  }
}

function status(token: ApiToken, now: DateTime) {
  if (token.revokedAt) return 'revoked'
  if (token.expiresAt && token.expiresAt <= now) return 'expired'
  return 'active'
}

function day(value: DateTime | null) {
  return value ? value.toUTC().toFormat("yyyy-MM-dd HH:mm'Z'") : '—'
}
