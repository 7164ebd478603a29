// Actions answer a refused form with data (422/409…), never a redirect, so
// the page shows the messages on the fields, with what was typed.
import { data } from '@remix-run/node'

import { ApiError } from '../api/client.server.ts'
import type { Message, MessageKey } from '../i18n/index.ts'
import { actionErrorFrom } from '../request.server.ts'
import type { FieldErrors } from './core.ts'
import { fieldErrorsFromApi, type FormRefusal } from './refusals.ts'

type Context = Omit<FormRefusal, 'fieldErrors' | 'error'>

/** The form's own schema said no: 422 with the messages on the fields. */
export function invalidForm(fieldErrors: FieldErrors, context: Context = {}) {
  return data<FormRefusal>({ ...context, fieldErrors }, { status: 422 })
}

/**
 * The API said no: on the fields it names (a code already taken, a category
 * deleted meanwhile), otherwise one message above the form. `messages` gives
 * a page's own wording for an error code (RESOURCE_IN_USE on a product says
 * "deactivate it instead"). Anything that is not an API answer propagates.
 */
export function apiRefusal(
  error: unknown,
  fields: readonly string[],
  context: Context = {},
  messages: Partial<Record<string, MessageKey | Message>> = {}
) {
  if (error instanceof ApiError) {
    const fieldErrors = fieldErrorsFromApi(error.envelope, fields)
    const own = messages[error.code]
    const answer: FormRefusal = fieldErrors
      ? { ...context, fieldErrors }
      : { ...context, error: own ? (typeof own === 'string' ? { key: own } : own) : actionErrorFrom(error) }
    return data<FormRefusal>(answer, { status: error.status })
  }
  return data<FormRefusal>({ ...context, error: actionErrorFrom(error) }, { status: 503 })
}
