// When a form is refused — by its schema or by the API — the page shows the
// messages on the fields, refills them, and puts the focus on the first one.
// The API checks more than the schema can (a code already taken, a category
// deleted meanwhile): its refusals land on the field they concern.
import type { ApiErrorEnvelope } from '../api/errors.ts'
import type { Message, MessageKey } from '../i18n/index.ts'
import { productPath } from '../paths.ts'
import { readField, type FieldErrors, type FormInput } from './core.ts'

/** The API's VALIDATION_ERROR rules we can say something precise about; others read "refused". */
const RULE_MESSAGES: Record<string, MessageKey> = {
  required: 'form.required',
  requiredForClerk: 'users.storeRequired',
  onlyForClerk: 'users.storeOnlyForClerk',
  email: 'form.email',
  exists: 'form.gone',
  future: 'tokens.expiryPast',
  date: 'form.date',
  money: 'form.money',
  decimal: 'form.money',
  current_password: 'account.wrongCurrent',
  different: 'account.samePassword',
  guessable: 'form.passwordGuessable',
}

interface ValidationEntry {
  field?: unknown
  type?: unknown
}

function detailsOf(envelope: ApiErrorEnvelope): Record<string, unknown> {
  return typeof envelope.details === 'object' && envelope.details !== null ? (envelope.details as Record<string, unknown>) : {}
}

/** Where the pages of the records the API names as holding a value are (`details.existing`). */
const HOLDER_PAGES: Record<string, (id: number) => string> = { Product: productPath }

/** « Déjà utilisé par Pain (ALI001) », linked to Pain: who has the value, so it can be fixed there or another chosen. */
function takenBy(details: Record<string, unknown>): Message | null {
  const existing = details.existing as { id?: unknown; code?: unknown; nom?: unknown } | undefined
  const page = typeof details.resource === 'string' ? HOLDER_PAGES[details.resource] : undefined
  if (!page || typeof existing !== 'object' || existing === null) return null
  const { id, code, nom } = existing
  if (typeof id !== 'number' || typeof code !== 'string' || typeof nom !== 'string') return null
  return { key: 'form.takenBy', params: { name: nom, code }, to: page(id) }
}

/**
 * The API's refusal as messages on the form's own fields (they carry the
 * API's wire names), or null when it concerns no field of the form — the
 * page then shows it above the form (apiErrorMessage).
 */
export function fieldErrorsFromApi(envelope: ApiErrorEnvelope, fields: readonly string[]): FieldErrors | null {
  const details = detailsOf(envelope)
  const errors: FieldErrors = {}
  if (envelope.error_code === 'VALIDATION_ERROR' && Array.isArray(details.validation_errors)) {
    for (const entry of details.validation_errors as ValidationEntry[]) {
      // "scopes.1" is the scopes field; "lignes.0.quantite" would be lignes.
      const field = typeof entry.field === 'string' ? (entry.field.split('.')[0] ?? '') : ''
      if (!fields.includes(field) || errors[field]) continue
      const rule = typeof entry.type === 'string' ? entry.type : ''
      errors[field] = { key: RULE_MESSAGES[rule] ?? 'form.serverRejected' }
    }
  }
  if (envelope.error_code === 'DUPLICATE_RESOURCE') {
    // Every value already taken (a user's name and e-mail), else the one named.
    const taken = Array.isArray(details.duplicates) ? (details.duplicates as { field?: unknown }[]).map((entry) => entry.field) : [details.field]
    for (const field of taken) if (typeof field === 'string' && fields.includes(field)) errors[field] = { key: 'form.taken' }
    const holder = takenBy(details)
    if (holder && typeof details.field === 'string' && errors[details.field]) errors[details.field] = holder
  }
  return Object.keys(errors).length > 0 ? errors : null
}

/** The first field in error, in the order the form shows them (it gets the focus without JavaScript). */
export function firstFieldInError(errors: FieldErrors | null | undefined, order: readonly string[]): string | null {
  if (!errors) return null
  return order.find((name) => errors[name] !== undefined) ?? null
}

/**
 * The props every field of a validated form repeats: its form's id, its name,
 * its message, and the focus when it is the first field in error (in `order`,
 * the form's order) — or, when nothing is in error, when it is `otherwise`.
 */
export function bindFields<Name extends string>(formId: string, errors: FieldErrors, order: readonly Name[], otherwise: Name | null = null) {
  const focused = firstFieldInError(errors, order) ?? otherwise
  return (name: Name) => ({ formId, name, error: errors[name], autoFocus: focused === name })
}

/** What a refused form gives back to its fields (never a password, never the CSRF token). */
export function echoFields(input: FormInput, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, readField(input, name)]))
}

/** What an action answers when a form is refused; the page renders it on the form. */
export interface FormRefusal {
  /** Which form of the page was refused (a page can have several). */
  intent?: string
  fieldErrors?: FieldErrors
  error?: Message
  values?: Record<string, string>
  /** An edit form's baseline to keep (lib/forms/edit-merge.ts): what its fields were drawn from. */
  baseline?: Record<string, string>
}

/** On a record's page, the edit form (intent "save") shows its own refusal; the other actions' refusals show beside it. */
export function refusalsByPlace(refusal: FormRefusal | undefined): { form?: FormRefusal; aside?: FormRefusal } {
  if (!refusal) return {}
  return refusal.intent === 'save' ? { form: refusal } : { aside: refusal }
}
