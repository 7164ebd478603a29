import router from '@adonisjs/core/services/router'
import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/api_error'

let knownMethods: string[] | undefined

/** Every method some route answers to (GET routes also answer HEAD). */
function methodsOfRouter() {
  knownMethods ??= [...new Set(Object.values(router.toJSON()).flatMap((routes) => routes.flatMap((r) => r.methods)))].sort()
  return knownMethods
}

/**
 * The methods the request's path accepts, asked of AdonisJS's own router
 * (the same match a request goes through), so there is no second route table.
 */
export function allowedMethods(ctx: HttpContext): string[] {
  const url = ctx.request.url()
  const hostname = router.usingDomains ? ctx.request.hostname() : undefined
  const shouldDecode = ctx.request.parsedUrl.shouldDecodeParam
  return methodsOfRouter().filter((method) => router.match(url, method, shouldDecode, hostname) !== null)
}

/** The 405 of a path that exists but not for this method; `allowed` also goes into the Allow header. */
export function methodNotAllowed(method: string, allowed: string[]) {
  return new ApiError(405, 'METHOD_NOT_ALLOWED', `Method ${method} is not allowed on this path (allowed: ${allowed.join(', ')})`, {
    method,
    allowed,
  })
}
