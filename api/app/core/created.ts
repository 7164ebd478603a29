import type { HttpContext } from '@adonisjs/core/http'

/** Where every route of the API is mounted (`#core/routes` groups them under it). */
export const API_PREFIX = '/api/v1'

/**
 * Answers 201 Created with a Location header naming the URL that reads the
 * new resource back (`/api/v1/sales/812`), as HTTP asks of a 201: an
 * integrator can follow it instead of building the URL from the body's id.
 * `path` is relative to the API prefix: `/sales/812`.
 */
export function created(ctx: HttpContext, path: string, body: unknown) {
  ctx.response.header('Location', `${API_PREFIX}${path}`)
  return ctx.response.created(body)
}
