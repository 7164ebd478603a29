import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { ApiError } from '#core/api_error'
import { revokeIntegrationToken, type TokenSelector } from '#access/actions/revoke_integration_token'

/** Revokes an integration token by id or by the prefix `token:list` shows (e.g. cpt_Ab3dE5gH). */
export default class TokenRevoke extends BaseCommand {
  static commandName = 'token:revoke'
  static description = 'Revoke an integration API token by id or prefix'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Token id, or its prefix (at least cpt_ and 4 characters)' })
  declare token: string

  async run() {
    const value = this.token.trim()
    let selector: TokenSelector
    if (/^\d{1,10}$/.test(value) && Number(value) <= 2_147_483_647) {
      selector = { id: Number(value) }
    } else if (/^cpt_[A-Za-z0-9_-]{4,}$/.test(value)) {
      selector = { prefix: value.slice(0, 12) }
    } else {
      return this.fail(`'${value}' is neither a token id nor a token prefix (cpt_…, as shown by token:list)`)
    }

    try {
      const { token, alreadyRevoked } = await revokeIntegrationToken(selector)
      if (alreadyRevoked) {
        this.logger.info(`Token #${token.id} '${token.name}' was already revoked on ${token.revokedAt!.toUTC().toISO()}`)
      } else {
        this.logger.success(`Token #${token.id} '${token.name}' (${token.tokenPrefix}) revoked`)
      }
    } catch (error) {
      if (error instanceof ApiError) return this.fail(error.message)
      throw error
    }
  }

  private fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }
}
