// The user and API token forms (administrators), shared by the browser and
// the actions. Limits are the API's (api/app/access/validators).
import { isCalendarDay } from '../calendar-day.ts'
import { ROLES, type Role } from '../auth/roles.ts'
import { STORE_TIME_ZONE, formatNumber, storeDay } from '../format.ts'
import { FormReader, type FormInput, type Parsed } from './core.ts'

export const USERNAME = /^[a-z0-9._-]+$/
export const PASSWORD_MIN_LENGTH = 10
// Close to what the API's e-mail rule accepts; the API has the last word (its refusal lands on the field).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const USER_FIELDS = ['nom_utilisateur', 'nom_complet', 'email', 'role', 'magasin_id', 'mot_de_passe'] as const

export interface UserInput {
  username: string
  fullName: string
  email: string
  role: Role
  /** The clerk's store; always null for managers and administrators. */
  storeId: number | null
  /** Required on creation; on an edit, null leaves the password unchanged. */
  password: string | null
}

/** Passwords are never trimmed: spaces may be part of them. */
function rawField(input: FormInput, name: string): string {
  const value = input instanceof FormData || input instanceof URLSearchParams ? input.get(name) : input[name]
  return typeof value === 'string' ? value : ''
}

const PASSWORD_MAX_LENGTH = 128

/** One character over and over, or a straight run ("0123456789", either way): the API's isGuessablePassword. */
export function isGuessablePassword(password: string): boolean {
  const codes = [...password.toLowerCase()].map((char) => char.codePointAt(0)!)
  if (codes.length < 2) return false
  const steps = codes.slice(1).map((code, index) => code - codes[index]!)
  return steps.every((step) => step === 0) || steps.every((step) => step === 1) || steps.every((step) => step === -1)
}

/** The API's rule for any password a person chooses (an administrator's reset or their own change). */
function checkNewPassword(form: FormReader, name: string, password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) form.fail(name, 'form.tooShort', { min: formatNumber(PASSWORD_MIN_LENGTH) })
  else if (password.length > PASSWORD_MAX_LENGTH) form.fail(name, 'form.tooLong', { max: formatNumber(PASSWORD_MAX_LENGTH) })
  else if (isGuessablePassword(password)) form.fail(name, 'form.passwordGuessable')
}

export function parseUser(input: FormInput, { creating }: { creating: boolean }): Parsed<UserInput> {
  const form = new FormReader(input)
  const username = form.text('nom_utilisateur', { min: 3, max: 60 }).toLowerCase()
  if (username !== '' && !form.errors.nom_utilisateur && !USERNAME.test(username)) form.fail('nom_utilisateur', 'users.usernamePattern')
  const fullName = form.text('nom_complet', { max: 120 })
  const email = form.text('email', { max: 254 }).toLowerCase()
  if (email !== '' && !form.errors.email && !EMAIL.test(email)) form.fail('email', 'form.email')
  const role = form.choice('role', ROLES)
  // The store select stays on the page whatever the role (no JavaScript needed): it only counts for a clerk.
  const storeId = role === 'clerk' ? form.integer('magasin_id', { min: 1, max: 2_147_483_647, required: false }) : null
  if (role === 'clerk' && storeId === null && !form.errors.magasin_id) form.fail('magasin_id', 'users.storeRequired')
  const password = rawField(input, 'mot_de_passe')
  if (password === '') {
    if (creating) form.fail('mot_de_passe', 'form.required')
  } else checkNewPassword(form, 'mot_de_passe', password)
  return form.result(() => ({
    username,
    fullName,
    email,
    role: role ?? 'clerk',
    storeId,
    password: password === '' ? null : password,
  }))
}

export const PASSWORD_CHANGE_FIELDS = ['mot_de_passe_actuel', 'nouveau_mot_de_passe', 'confirmation'] as const

export interface PasswordChange {
  current: string
  next: string
}

/** A user's own password change: the current one, the new one twice (a typo would lock them out). */
export function parsePasswordChange(input: FormInput): Parsed<PasswordChange> {
  const form = new FormReader(input)
  const current = rawField(input, 'mot_de_passe_actuel')
  const next = rawField(input, 'nouveau_mot_de_passe')
  const confirmation = rawField(input, 'confirmation')
  if (current === '') form.fail('mot_de_passe_actuel', 'form.required')
  if (next === '') form.fail('nouveau_mot_de_passe', 'form.required')
  else if (current !== '' && next === current) form.fail('nouveau_mot_de_passe', 'account.samePassword')
  else checkNewPassword(form, 'nouveau_mot_de_passe', next)
  if (confirmation === '') form.fail('confirmation', 'form.required')
  else if (next !== '' && confirmation !== next) form.fail('confirmation', 'account.confirmationMismatch')
  return form.result(() => ({ current, next }))
}

export const TOKEN_SCOPES = ['read', 'write', 'reports', 'admin'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]
export const TOKEN_FIELDS = ['nom', 'scopes', 'expire_le'] as const

export interface TokenInput {
  name: string
  scopes: TokenScope[]
  /** The last day the token works (YYYY-MM-DD, stores' calendar), or null: it never expires. */
  lastDay: string | null
}

function allValues(input: FormInput, name: string): string[] {
  if (input instanceof FormData || input instanceof URLSearchParams) {
    return input.getAll(name).filter((value): value is string => typeof value === 'string')
  }
  const value = input[name]
  return value ? value.split(',') : []
}


/** `today` is the stores' current day (YYYY-MM-DD); a token may last until today at the earliest. */
export function parseToken(input: FormInput, today: string = storeDay()): Parsed<TokenInput> {
  const form = new FormReader(input)
  const name = form.text('nom', { max: 100 })
  const picked = allValues(input, 'scopes')
  const scopes = TOKEN_SCOPES.filter((scope) => picked.includes(scope))
  if (scopes.length === 0) form.fail('scopes', 'tokens.scopesRequired')
  else if (picked.some((value) => !(TOKEN_SCOPES as readonly string[]).includes(value))) form.fail('scopes', 'form.choice')
  const lastDay = form.text('expire_le', { required: false, max: 10 })
  if (lastDay !== '' && !form.errors.expire_le) {
    if (!isCalendarDay(lastDay)) form.fail('expire_le', 'form.date')
    else if (lastDay < today) form.fail('expire_le', 'tokens.expiryPast')
  }
  return form.result(() => ({ name, scopes, lastDay: lastDay || null }))
}

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: STORE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})

/**
 * A token's expiry as it was chosen: the API makes a day sent as `expire_le`
 * last to midnight at its end in the stores' time zone, so an instant at
 * midnight there is "valid through" the day before (YYYY-MM-DD); any other
 * instant null (shown with its time).
 */
export function lastValidDay(instant: string): string | null {
  const at = new Date(instant)
  if (Number.isNaN(at.getTime())) return null
  const parts = Object.fromEntries(wallClock.formatToParts(at).map((part) => [part.type, part.value]))
  if (parts.hour !== '00' || parts.minute !== '00' || at.getUTCSeconds() !== 0 || at.getUTCMilliseconds() !== 0) return null
  return storeDay(new Date(at.getTime() - 1))
}

export type TokenState = 'active' | 'expired' | 'revoked'

/** What a token can still do, from the API's revoque_le and expire_le. */
export function tokenState(token: { revoque_le: string | null; expire_le: string | null }, now = Date.now()): TokenState {
  if (token.revoque_le) return 'revoked'
  if (token.expire_le && Date.parse(token.expire_le) <= now) return 'expired'
  return 'active'
}
