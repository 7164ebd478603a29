// A write a person may send twice (a double click, a re-post without
// JavaScript) carries an Idempotency-Key made when its form was rendered:
// every copy of one rendered form posts the same key, so the API writes
// once; the next render (after the redirect) makes a new key.
import { randomUUID } from 'node:crypto'

import { IDEMPOTENCY_KEY } from './forms/schemas.ts'

export function newFormKey(): string {
  return `web-${randomUUID()}`
}

/** The Idempotency-Key header for the form's `cle` field; nothing for a form rendered before keys existed. */
export function idempotencyHeaderFrom(form: FormData): { headers?: { 'Idempotency-Key': string } } {
  const key = String(form.get('cle') ?? '')
  return IDEMPOTENCY_KEY.test(key) ? { headers: { 'Idempotency-Key': key } } : {}
}
