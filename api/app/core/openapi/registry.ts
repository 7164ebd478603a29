import type { Route } from '@adonisjs/core/http'
import type { Scope } from '#access/models/api_token'

type JsonSchema = Record<string, unknown>

/** Anything with VineJS's `toJSONSchema()` (a `vine.create(...)` validator). */
export interface SchemaSource {
  toJSONSchema(): object
}

export interface ResponseDoc {
  description: string
  /** A JSON schema, or the name of a component schema (`#/components/schemas/<name>`). */
  schema?: JsonSchema | string
  /** Without one, the example is derived from the component examples (`registerExamples`). */
  example?: unknown
  contentType?: string
  /** Other representations of the same response (e.g. a text/csv download of a JSON report). */
  alternatives?: { contentType: string; schema?: JsonSchema | string; example?: unknown }[]
  /**
   * The errors this status answers with (`ApiError.notFound(...)`, …): each
   * becomes an example through the exception handler's own envelope mapper.
   */
  errors?: Error[]
  headers?: Record<string, { description: string; schema: JsonSchema }>
}

/** A request header the operation reads (e.g. Idempotency-Key). */
export interface HeaderDoc {
  name: string
  description: string
  schema: JsonSchema
  example: string
}

export interface RouteDoc {
  summary: string
  description?: string
  tags: string[]
  /** Scopes the token needs, or 'public' for routes without authentication. */
  auth: Scope[] | 'public'
  params?: SchemaSource
  query?: SchemaSource
  body?: SchemaSource
  bodyExample?: unknown
  headers?: HeaderDoc[]
  responses: Record<number, ResponseDoc>
}

interface Entry {
  route: Route
  doc: RouteDoc
}

const entries: Entry[] = []

/**
 * Attaches OpenAPI documentation to a route where it is declared, so the
 * document can never drift from the router (a test compares the two).
 * The pattern is read at generation time, after group prefixes apply.
 */
export function documented(route: Route, doc: RouteDoc): Route {
  entries.push({ route, doc })
  return route
}

export function documentedRoutes(): { methods: string[]; pattern: string; doc: RouteDoc }[] {
  return entries.map(({ route, doc }) => {
    const json = route.toJSON()
    return { methods: json.methods.filter((m) => m !== 'HEAD'), pattern: json.pattern, doc }
  })
}

let bodies: Map<string, boolean> | undefined

/**
 * Whether the documented operation `METHOD pattern` takes a request body,
 * or undefined for a route that is not documented. Read once the router is
 * committed (patterns carry their group prefixes then): by the JSON body
 * middleware, which refuses a body sent to an operation that takes none.
 */
export function operationTakesBody(method: string, pattern: string): boolean | undefined {
  bodies ??= new Map(
    documentedRoutes().flatMap(({ methods, pattern: p, doc }) => methods.map((m) => [`${m} ${p}`, doc.body !== undefined] as const))
  )
  return bodies.get(`${method} ${pattern}`)
}
