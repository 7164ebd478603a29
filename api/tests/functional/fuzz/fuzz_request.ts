/*
 * What the fuzz sends: one hostile request, who sends it and what makes it
 * invalid, and the draft its parts are drawn into (request_generator.ts).
 */
import type { Operation } from '#tests/functional/fuzz/operations'
import type { Rng } from '#tests/functional/fuzz/random'

export type Principal = 'none' | 'admin' | 'clerk' | 'bad-token'

export interface FuzzContext {
  /** An integration token with every scope, so validation is reached. */
  admin: string
  /** A clerk's session token (store 1). */
  clerk: string
  /** Ids of real records, by the path segment before `{id}` (`sales`, `replenishments`…): requests reach them. */
  pathIds: Record<string, number[]>
  /** Valid bodies (by "METHOD /path") that a defect then breaks, where the document's example would not reach deep. */
  bodies: Record<string, Record<string, unknown>>
}

export interface FuzzRequest {
  operation: string
  method: string
  /** Path and query string, exactly as sent (already encoded, or deliberately not). */
  target: string
  headers: Record<string, string>
  body?: string | Buffer
  /** What makes the request invalid (every request has at least one defect). */
  defect: string
  principal: Principal
}

export type DefectKind =
  | 'auth'
  | 'scope'
  | 'path'
  | 'raw-path'
  | 'query'
  | 'unknown-query'
  | 'body-syntax'
  | 'body-shape'
  | 'body-field'
  | 'body-missing'
  | 'body-nested'
  | 'body-dangling'
  | 'idempotency-key'
  | 'content-type'

/** One request being drawn: each part reads the defect, and says in `labels` what it broke. */
export interface Draft {
  operation: Operation
  defect: DefectKind
  rng: Rng
  context: FuzzContext
  labels: string[]
}

/** A value cut short for a label or a report line, with its full length. */
export function excerpt(value: unknown, length = 60): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)
  return text.length > length ? `${text.slice(0, length)}…(${text.length} chars)` : text
}
