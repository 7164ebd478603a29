import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { errors } from '@vinejs/vine'
import { DateTime } from 'luxon'
import { ApiError } from '#core/api_error'
import { SCOPES } from '#access/models/api_token'
import { createTokenBody } from '#access/validators/token_validators'
import { createIntegrationToken } from '#access/actions/create_integration_token'

const DURATION = /^(\d{1,5})([mhdw])$/
const UNITS = { m: 'minutes', h: 'hours', d: 'days', w: 'weeks' } as const

/**
 * Creates an integration token and prints it once; only its hash is kept.
 *   node ace token:create erp-sync --scopes read,reports --expires-in 90d
 */
export default class TokenCreate extends BaseCommand {
  static commandName = 'token:create'
  static description = 'Create an integration API token (printed once) with scopes and an optional expiry'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'A name saying who uses the token (1–100 characters)' })
  declare name: string

  @flags.string({ description: 'Comma-separated scopes among read, write, reports, admin', default: 'read' })
  declare scopes: string

  @flags.string({ description: 'Lifetime: <n>m, <n>h, <n>d or <n>w (e.g. 90d); omit for no expiry' })
  declare expiresIn?: string

  async run() {
    let expiresAt: DateTime | null = null
    if (this.expiresIn !== undefined) {
      const match = DURATION.exec(this.expiresIn.trim())
      if (!match || Number(match[1]) === 0) {
        return this.fail(`Invalid --expires-in '${this.expiresIn}': use a positive number followed by m, h, d or w (e.g. 90d)`)
      }
      expiresAt = DateTime.utc().plus({ [UNITS[match[2] as keyof typeof UNITS]]: Number(match[1]) })
    }

    const scopes = this.scopes.split(',').map((s) => s.trim()).filter(Boolean)
    const unknown = scopes.filter((scope) => !(SCOPES as readonly string[]).includes(scope))
    if (unknown.length > 0) {
      return this.fail(`Invalid scope(s): ${unknown.join(', ')} (allowed: ${SCOPES.join(', ')})`)
    }

    let input
    try {
      input = await createTokenBody.validate({ nom: this.name, scopes })
    } catch (error) {
      if (error instanceof errors.E_VALIDATION_ERROR) {
        const messages = (error.messages as { field: string; message: string }[]).map((m) => m.message)
        return this.fail(`Invalid token: ${messages.join('; ')}`)
      }
      throw error
    }

    try {
      const { token, record } = await createIntegrationToken({ name: input.nom, scopes: input.scopes, expiresAt })
      this.logger.success(
        `Token #${record.id} '${record.name}' created with scopes ${record.scopes.join(', ')}` +
          (expiresAt ? `, expires ${expiresAt.toISO()}` : ', no expiry')
      )
      this.logger.info('Copy it now, it will not be shown again:')
      this.logger.log(token)
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
