import { isDeepStrictEqual } from 'node:util'

/**
 * Fields a resource's GET shows but an update cannot change (`id`, a
 * product's `quantite_stock`, a store's `taxes`). Scripts written for the
 * original API read a record, change one field and PUT the whole record
 * back; the original ignored what it could not write. Such a field is
 * accepted when it still says what the resource holds, and dropped; when it
 * says something else, the update would silently not do what it asks, so it
 * is refused with the way to change it.
 */
export interface EchoedFields {
  /** Field name → why it cannot be changed this way, and what changes it. */
  fields: Record<string, string>
  /** The resource as its GET shows it now; null when it does not exist (the update then answers the 404). */
  current(): Promise<object | null>
}

export interface EchoProblem {
  field: string
  message: string
  rule: 'readOnly'
}

/**
 * Removes the echoed read-only fields from `body` (a parsed JSON object) and
 * lists those that differ from the resource. Reads the resource only when
 * the body carries one of them.
 */
export async function takeEchoedFields(body: Record<string, unknown>, echoed: EchoedFields): Promise<EchoProblem[]> {
  const sent = Object.keys(echoed.fields).filter((field) => Object.hasOwn(body, field))
  if (sent.length === 0) return []
  const current = (await echoed.current()) as Record<string, unknown> | null
  const problems: EchoProblem[] = []
  for (const field of sent) {
    const value = body[field]
    delete body[field]
    if (current === null || isDeepStrictEqual(value, current[field])) continue
    problems.push({
      field,
      message: `${echoed.fields[field]} (it is ${JSON.stringify(current[field])} now: a value read earlier may have changed since; send the field as read, or leave it out)`,
      rule: 'readOnly',
    })
  }
  return problems
}
