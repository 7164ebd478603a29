import vine from '@vinejs/vine'
import { paginationFields } from '#core/pagination'
import { idParam } from '#core/validation'
import { ROLES } from '#access/models/user'

const MAX_INT = 2_147_483_647
const id = () => vine.number().withoutDecimals().min(1).max(MAX_INT)

export const USERNAME_PATTERN = /^[a-z0-9._-]+$/
export const PASSWORD_MIN_LENGTH = 10

const username = () => vine.string().trim().toLowerCase().minLength(3).maxLength(60).regex(USERNAME_PATTERN)
const email = () => vine.string().trim().toLowerCase().maxLength(254).email()
const fullName = () => vine.string().trim().minLength(1).maxLength(120)
/**
 * One character over and over, or a straight run ("0123456789", "abcdefghij", either way):
 * what is tried first, whatever its length. The web app's forms check the same.
 */
export function isGuessablePassword(password: string): boolean {
  const codes = [...password.toLowerCase()].map((char) => char.codePointAt(0)!)
  if (codes.length < 2) return false
  const steps = codes.slice(1).map((code, index) => code - codes[index])
  return steps.every((step) => step === 0) || steps.every((step) => step === 1) || steps.every((step) => step === -1)
}

const notGuessable = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && isGuessablePassword(value)) {
    field.report('The {{ field }} field is too easy to guess (one character repeated, or a run like 0123456789)', 'guessable', field)
  }
})

/** Any password a person chooses: an administrator's reset or their own change. */
export const newPassword = () => vine.string().minLength(PASSWORD_MIN_LENGTH).maxLength(128).use(notGuessable())

export const userIdParams = vine.create({ id: idParam() })

export const listUsersQuery = vine.create({
  ...paginationFields,
  role: vine.enum(ROLES).optional(),
  magasin_id: id().optional(),
  actif: vine.boolean().optional(),
})

/** Wire names a user list can be sorted by, mapped to columns. */
export const userSortColumns: Record<string, string> = {
  id: 'id',
  nom_utilisateur: 'username',
  email: 'email',
  nom_complet: 'full_name',
  role: 'role',
  cree_le: 'created_at',
}

/** `magasin_id` is required for a clerk and refused for other roles (checked by the action). */
export const createUserBody = vine.create({
  nom_utilisateur: username(),
  email: email(),
  nom_complet: fullName(),
  role: vine.enum(ROLES),
  magasin_id: id().nullable().optional(),
  mot_de_passe: newPassword(),
  actif: vine.boolean({ strict: true }).optional(),
})

export const updateUserBody = vine.create({
  nom_utilisateur: username().optional(),
  email: email().optional(),
  nom_complet: fullName().optional(),
  role: vine.enum(ROLES).optional(),
  magasin_id: id().nullable().optional(),
  mot_de_passe: newPassword().optional(),
  actif: vine.boolean({ strict: true }).optional(),
})
