// The web session: a cookie signed by Remix (createCookieSessionStorage), so
// the server can trust what it reads back, with the API token inside it
// encrypted (token-seal.server.ts). Nothing about the session is kept on the
// server: any web instance can serve any request.
//
// Lifetime: the API token lasts 12 h, and so does the session (absolute
// limit); 8 h without any request also ends it (idle limit).
import { createCookieSessionStorage, redirect, type Session } from '@remix-run/node'
import type { KeyObject } from 'node:crypto'

import { webConfig } from '../env.server.ts'
import type { Notice } from '../notice.ts'
import { createCsrfToken } from './csrf.server.ts'
import type { SessionUser } from './roles.ts'
import { deriveTokenKey, sealToken, unsealToken } from './token-seal.server.ts'

export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000
export const IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000
// Loaders only rewrite the cookie to note activity this often: every cookie
// write races with concurrent requests that carry the older cookie.
const ACTIVITY_RESOLUTION_MS = 10 * 60 * 1000

interface AuthData {
  /** The API session token, sealed (AES-256-GCM). */
  token: string
  user: SessionUser
  /** Epoch ms: the API token's expiry, capped at 12 h after login. */
  expiresAt: number
  /** Epoch ms of the last request that noted activity. */
  lastSeenAt: number
}

export type { Notice }

interface SessionData {
  csrf: string
  auth: AuthData
  /**
   * One cart per register, "productId:quantity,…", most recently written first (see
   * lib/pos/cart.server.ts); cookies written before kept an object keyed by register id.
   */
  carts: [registerId: number, cart: string][] | Record<string, string>
  /** The last sale recorded from this session, so a re-posted payment finds its receipt. */
  lastSale: { key: string; saleId: number }
  /** The cart « Vider le panier » emptied last, until the clerk moves on (lib/pos/cart.server.ts). */
  clearedCart: [registerId: number, cart: string]
}

interface FlashData {
  notice: Notice
  /** A form refused without JavaScript, carried over the redirect that answered it, for the page at `path`. */
  refusal: { path: string; result: unknown }
}

export type WebSession = Session<SessionData, FlashData>

let storage: ReturnType<typeof createStorage> | undefined
let tokenKey: KeyObject | undefined

function createStorage() {
  const config = webConfig()
  return createCookieSessionStorage<SessionData, FlashData>({
    cookie: {
      name: 'comptoir_session',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      path: '/',
      secrets: [config.sessionSecret],
      maxAge: SESSION_MAX_AGE_MS / 1000,
    },
  })
}

function sessionStorage() {
  storage ??= createStorage()
  return storage
}

function key() {
  tokenKey ??= deriveTokenKey(webConfig().sessionSecret)
  return tokenKey
}

export function getSession(request: Request): Promise<WebSession> {
  return sessionStorage().getSession(request.headers.get('Cookie'))
}

/** Set-Cookie value for the session; a signed-in session's cookie ends with its API token. */
export function commitSession(session: WebSession): Promise<string> {
  const auth = session.get('auth')
  return auth
    ? sessionStorage().commitSession(session, { expires: new Date(auth.expiresAt), maxAge: undefined })
    : sessionStorage().commitSession(session)
}

export function destroySession(session: WebSession): Promise<string> {
  return sessionStorage().destroySession(session)
}

/** The session's CSRF token, created on first use (the caller must commit the session). */
export function ensureCsrfToken(session: WebSession): { token: string; created: boolean } {
  const existing = session.get('csrf')
  if (existing) return { token: existing, created: false }
  const token = createCsrfToken()
  session.set('csrf', token)
  return { token, created: true }
}

export type AuthState =
  | { kind: 'signed-in'; user: SessionUser; token: string; needsTouch: boolean }
  | { kind: 'anonymous' }
  | { kind: 'expired' }

export function authState(session: WebSession, now = Date.now()): AuthState {
  const auth = session.get('auth')
  if (!auth) return { kind: 'anonymous' }
  if (now >= auth.expiresAt || now - auth.lastSeenAt >= IDLE_TIMEOUT_MS) return { kind: 'expired' }
  const token = unsealToken(auth.token, key())
  // A token that no longer decrypts was sealed under a previous SESSION_SECRET.
  if (token === null) return { kind: 'expired' }
  return { kind: 'signed-in', user: auth.user, token, needsTouch: now - auth.lastSeenAt >= ACTIVITY_RESOLUTION_MS }
}

/** Notes activity (idle timeout); the caller commits the session. */
export function touch(session: WebSession, now = Date.now()): void {
  const auth = session.get('auth')
  if (auth) session.set('auth', { ...auth, lastSeenAt: now })
}

export interface LoginResult {
  token: string
  expiresAt: string
  user: SessionUser
}

/** Starts a signed-in session: new CSRF token, no leftovers from whoever used the browser before. */
export function signIn(session: WebSession, login: LoginResult, now = Date.now()): void {
  const apiExpiry = Date.parse(login.expiresAt)
  const expiresAt = Math.min(Number.isNaN(apiExpiry) ? now + SESSION_MAX_AGE_MS : apiExpiry, now + SESSION_MAX_AGE_MS)
  session.unset('carts')
  session.unset('clearedCart')
  session.unset('lastSale')
  session.set('csrf', createCsrfToken())
  session.set('auth', { token: sealToken(login.token, key()), user: login.user, expiresAt, lastSeenAt: now })
}

/** Ends the signed-in part of the session (keeps a fresh CSRF token for the login form). */
export function signOut(session: WebSession): void {
  session.unset('auth')
  session.unset('carts')
  session.unset('clearedCart')
  session.unset('lastSale')
  session.set('csrf', createCsrfToken())
}

export function flashNotice(session: WebSession, notice: Notice): void {
  session.flash('notice', notice)
}

export function flashRefusal(session: WebSession, path: string, result: unknown): void {
  session.flash('refusal', { path, result })
}

const LOCAL_ORIGIN = 'http://comptoir.invalid'

const unsafeInPath = (char: string) => char <= ' ' || char === '\\' || char === '\u007f' || /\s/.test(char)

/**
 * Only local paths, so the login form cannot be used to send someone to another site. Browsers
 * drop tabs and line breaks from a URL and read a backslash as a slash, so « /<tab>/evil.test »
 * is « //evil.test » to them: a path holding any of those (ours never do, they are encoded) is
 * refused, and what is left must stay on this origin once resolved as a browser would.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || [...value].some(unsafeInPath)) {
    return fallback
  }
  return URL.canParse(value, LOCAL_ORIGIN) && new URL(value, LOCAL_ORIGIN).origin === LOCAL_ORIGIN ? value : fallback
}

function currentPath(request: Request): string {
  const url = new URL(request.url)
  return url.pathname + url.search
}

/**
 * The response that sends a signed-out (or expired) user to the login page,
 * coming back to where they were afterwards.
 */
export async function loginRedirect(request: Request, session: WebSession, reason: 'anonymous' | 'expired'): Promise<Response> {
  const params = new URLSearchParams()
  const path = currentPath(request)
  if (path !== '/') params.set('redirectTo', request.method === 'GET' ? path : new URL(request.url).pathname)
  if (reason === 'expired') signOut(session)
  // A form sent without a session was filled in while signed in: the sign-in page says that what was
  // sent was not recorded, and why as far as it is known — the session ran out, or it is gone (signed
  // out in another tab, the cookie cleared), which is no expiry.
  if (reason === 'expired') params.set('expire', request.method === 'GET' ? '1' : 'envoi')
  else if (request.method !== 'GET') params.set('deconnecte', 'envoi')
  const query = params.toString()
  return redirect(query ? `/connexion?${query}` : '/connexion', {
    headers: { 'Set-Cookie': await commitSession(session) },
  })
}
