// A new integration token is shown once, on the page the creation redirects
// to — never in a URL (it would stay in the history, logs and Referer), never
// in the session cookie (the root loader owns that cookie outside actions;
// a second writer would race it). It travels in its own short-lived cookie:
// signed, httpOnly, living five minutes at most, the token inside sealed with
// AES-256-GCM like the session's own token, and bound to the administrator
// who created it. The tokens page reads it once and deletes it.
//
// Its Path is `/`, not `/jetons`: with JavaScript, Remix loads the page's data
// from `/jetons.data`, a path a `/jetons` cookie is not sent to.
import { createCookie } from '@remix-run/node'
import type { KeyObject } from 'node:crypto'

import { deriveTokenKey, sealToken, unsealToken } from '../auth/token-seal.server.ts'
import { webConfig } from '../env.server.ts'

/** Where the token is shown (the creation redirects there). */
export const NEW_TOKEN_PAGE = '/jetons'
/** The query parameter that marks, on that page, a token a repeated form had already created. */
export const ALREADY_CREATED = 'deja_cree'
// Long enough for the redirect, short enough that a forgotten one goes away by itself.
const LIFETIME_SECONDS = 5 * 60

export interface NewToken {
  id: number
  name: string
  token: string
}

interface Stored {
  id: number
  name: string
  sealed: string
  userId: number
}

let cookie: ReturnType<typeof createCookie> | undefined
let key: KeyObject | undefined

function newTokenCookie() {
  const config = webConfig()
  cookie ??= createCookie('comptoir_new_token', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    secrets: [config.sessionSecret],
    maxAge: LIFETIME_SECONDS,
  })
  key ??= deriveTokenKey(config.sessionSecret)
  return { cookie, key }
}

/** The Set-Cookie header that carries the new token to the next page. */
export async function rememberNewToken(created: NewToken, userId: number): Promise<string> {
  const { cookie, key } = newTokenCookie()
  const stored: Stored = { id: created.id, name: created.name, sealed: sealToken(created.token, key), userId }
  return cookie.serialize(stored)
}

function isStored(value: unknown): value is Stored {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.id === 'number' &&
    typeof candidate.name === 'string' &&
    typeof candidate.sealed === 'string' &&
    typeof candidate.userId === 'number'
  )
}

/**
 * The token waiting to be shown to this administrator, if any, and the
 * Set-Cookie header that deletes it (send it whenever the cookie was there).
 */
export async function takeNewToken(request: Request, userId: number): Promise<{ token: NewToken | null; setCookie: string | null }> {
  const { cookie, key } = newTokenCookie()
  const header = request.headers.get('Cookie')
  if (!header?.includes('comptoir_new_token=')) return { token: null, setCookie: null }
  const stored: unknown = await cookie.parse(header)
  const setCookie = await cookie.serialize('', { maxAge: 0, expires: new Date(0) })
  if (!isStored(stored) || stored.userId !== userId) return { token: null, setCookie }
  const token = unsealToken(stored.sealed, key)
  return { token: token === null ? null : { id: stored.id, name: stored.name, token }, setCookie }
}
