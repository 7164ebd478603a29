import { randomBytes } from 'node:crypto'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { errors } from '@vinejs/vine'
import { ApiError } from '#core/api_error'
import User from '#access/models/user'
import type { Principal } from '#access/principal'
import { createUser } from '#access/actions/create_user'
import { updateUser } from '#access/actions/update_user'
import { createUserBody } from '#access/validators/user_validators'

/** Whoever runs this command on the server: no account of the application. */
const OPERATOR: Principal = { tokenId: 0, tokenName: 'user:admin command', kind: 'integration', scopes: new Set(['admin']), user: null }

/**
 * The first administrator of a new installation (a deployment has no development accounts), or
 * a way back in when every administrator's password is lost. The password it prints is
 * temporary: the administrator chooses their own at the first sign-in.
 *   node ace user:admin marie --email marie@example.com --name "Marie Tremblay"
 *   node ace user:admin marie --reset
 */
export default class UserAdmin extends BaseCommand {
  static commandName = 'user:admin'
  static description = 'Create an administrator (or --reset one) with a temporary password, printed once'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'User name: 3–60 characters among a-z, 0-9, . _ -' })
  declare username: string

  @flags.string({ description: 'E-mail address (required to create)' })
  declare email?: string

  @flags.string({ description: 'Full name (default: the user name)' })
  declare name?: string

  @flags.boolean({ description: 'Give an existing administrator a new temporary password and reactivate the account' })
  declare reset: boolean

  async run() {
    const password = randomBytes(12).toString('base64url')
    try {
      const user = this.reset ? await this.resetAdmin(password) : await this.createAdmin(password)
      if (!user) return
      this.logger.success(`Administrator '${user.username}' (#${user.id}) ${this.reset ? 'has a new temporary password' : 'created'}`)
      this.logger.info('Temporary password, to be replaced at the first sign-in; copy it now, it will not be shown again:')
      this.logger.log(password)
    } catch (error) {
      if (error instanceof ApiError) return this.fail(error.message)
      if (error instanceof errors.E_VALIDATION_ERROR) {
        return this.fail(`Invalid: ${(error.messages as { message: string }[]).map((m) => m.message).join('; ')}`)
      }
      throw error
    }
  }

  private async createAdmin(password: string) {
    if (!this.email) return this.fail('--email is required to create an administrator')
    const input = await createUserBody.validate({
      nom_utilisateur: this.username,
      email: this.email,
      nom_complet: this.name ?? this.username,
      role: 'admin',
      mot_de_passe: password,
    })
    const { model } = await createUser({
      username: input.nom_utilisateur,
      email: input.email,
      fullName: input.nom_complet,
      role: 'admin',
      storeId: null,
      password,
      isActive: true,
    })
    return model
  }

  private async resetAdmin(password: string) {
    const user = await User.query().where('username', this.username.trim().toLowerCase()).first()
    if (!user) return this.fail(`No user '${this.username}': create one without --reset`)
    // Not a way to make anyone an administrator from a shell: roles change in the application.
    if (user.role !== 'admin') return this.fail(`'${user.username}' is not an administrator: an administrator changes roles in Utilisateurs`)
    return updateUser(OPERATOR, user.id, { password, isActive: true })
  }

  private fail(message: string): undefined {
    this.logger.error(message)
    this.exitCode = 1
    return undefined
  }
}
