// What every loader and action starts with. Routes call one of these and get
// the signed-in user, their API client and the request's language:
//
//   export async function loader(args: LoaderFunctionArgs) {
//     const { api, user } = await signedIn(args)
//     ...
//   }
//   export async function action(args: ActionFunctionArgs) {
//     const { api, form, session } = await mutation(args)   // CSRF already checked
//     ...
//     return redirectWithNotice('/…', session, { kind: 'success', message: { key: '…' } })
//   }
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'

import { ApiError, ApiUnreachableError, createApiClient, type ApiClient } from './api/client.server.ts'
import { apiErrorMessage } from './api/errors.ts'
import { CSRF_FIELD, isSameOrigin, verifyCsrfToken } from './auth/csrf.server.ts'
import { ACCOUNT_PATH, PASSWORD_CHANGE_REQUIRED, passwordChangeDetour } from './auth/password-change.ts'
import { canAccessStore, hasRole, type Role, type SessionUser } from './auth/roles.ts'
import {
  authState,
  commitSession,
  flashNotice,
  getSession,
  loginRedirect,
  touch,
  type Notice,
  type WebSession,
} from './auth/session.server.ts'
import { webConfig } from './env.server.ts'
import { logError } from './log.server.ts'
import { translator, type Lang, type Message, type Translate } from './i18n/index.ts'
import { requestLang } from './i18n/lang.server.ts'
import type { OverrideClients } from './pos/manager-override.server.ts'

type Args = Pick<LoaderFunctionArgs | ActionFunctionArgs, 'request' | 'context'>

export interface SignedIn {
  user: SessionUser
  session: WebSession
  api: ApiClient
  lang: Lang
  t: Translate
  requestId: string
}

/** The API client for calls made before anyone is signed in (the login itself). */
export function anonymousApi({ context }: Args): ApiClient {
  const config = webConfig()
  return createApiClient({ baseUrl: config.apiUrl, requestId: context.requestId, clientIp: context.clientIp, timeoutMs: config.apiTimeoutMs })
}

/** Clients to sign a manager in for one action at a clerk's register (pos/manager-override.server.ts). */
export function overrideClients(args: Args): OverrideClients {
  const config = webConfig()
  const { requestId, clientIp } = args.context
  return {
    anonymous: anonymousApi(args),
    withToken: (token) => createApiClient({ baseUrl: config.apiUrl, token, requestId, clientIp, timeoutMs: config.apiTimeoutMs }),
  }
}

/** The signed-in user and their API client, or a redirect to /connexion. */
export async function signedIn({ request, context }: Args): Promise<SignedIn> {
  const session = await getSession(request)
  const state = authState(session)
  if (state.kind !== 'signed-in') throw await loginRedirect(request, session, state.kind)
  // A password an administrator set: nothing else until the user chose their own (the API refuses it too).
  const detour = passwordChangeDetour(state.user, new URL(request.url).pathname)
  if (detour !== null) throw redirect(detour)
  const config = webConfig()
  const api = createApiClient({
    baseUrl: config.apiUrl,
    token: state.token,
    requestId: context.requestId,
    clientIp: context.clientIp,
    timeoutMs: config.apiTimeoutMs,
    // The API no longer accepts the token (expired, revoked, user deactivated): sign out here too.
    onUnauthorized: () => loginRedirect(request, session, 'expired'),
  })
  const { lang } = await requestLang(request)
  return { user: state.user, session, api, lang, t: translator(lang), requestId: context.requestId }
}

export function forbidden(reason: 'csrf' | 'role' | 'store' = 'role'): Response {
  return new Response(reason, { status: 403, statusText: 'Forbidden', headers: { 'Content-Type': 'text/plain' } })
}

export function notFound(): Response {
  return new Response('not_found', { status: 404, statusText: 'Not Found', headers: { 'Content-Type': 'text/plain' } })
}

/** Reads the posted form and checks its CSRF token against the session's (403 otherwise). */
export async function checkedForm(request: Request, session: WebSession): Promise<FormData> {
  if (!isSameOrigin(request.headers.get('Origin'), request.url)) throw forbidden('csrf')
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw forbidden('csrf')
  }
  if (!verifyCsrfToken(session.get('csrf'), form.get(CSRF_FIELD))) throw forbidden('csrf')
  return form
}

/** signedIn() for actions: also reads the form and checks its CSRF token. */
export async function mutation(args: Args): Promise<SignedIn & { form: FormData }> {
  const signed = await signedIn(args)
  const form = await checkedForm(args.request, signed.session)
  touch(signed.session)
  return { ...signed, form }
}

export function requireRole(user: SessionUser, roles: readonly Role[]): void {
  if (!hasRole(user, roles)) throw forbidden('role')
}

export function requireStoreAccess(user: SessionUser, storeId: number): void {
  if (!canAccessStore(user, storeId)) throw forbidden('store')
}

/** A positive integer route parameter, or a 404. */
export function idParam(value: string | undefined): number {
  if (!value || !/^\d{1,9}$/.test(value) || Number(value) < 1) throw notFound()
  return Number(value)
}

export async function redirectWithSession(path: string, session: WebSession, init: ResponseInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await commitSession(session))
  return redirect(path, { ...init, headers })
}

export async function redirectWithNotice(path: string, session: WebSession, notice: Notice): Promise<Response> {
  flashNotice(session, notice)
  return redirectWithSession(path, session)
}

/**
 * For loaders: turns what the API says into the page the user should see —
 * 403 and 404 pages, a 503 when the API is down; anything else goes to the
 * route's error boundary as is.
 */
export function routeErrorFrom(error: unknown): unknown {
  if (error instanceof Response) return error
  if (error instanceof ApiUnreachableError) {
    return new Response('api_unreachable', { status: 503, statusText: 'Service Unavailable' })
  }
  if (error instanceof ApiError) {
    // The password was reset since this session began (the API says so first): choose one.
    if (error.code === PASSWORD_CHANGE_REQUIRED) return redirect(ACCOUNT_PATH)
    if (error.status === 403) return forbidden('store')
    if (error.status === 404) return notFound()
    // A refusal the page did not expect is our bug (or the API's): keep what it said.
    logError('api_error_page', {
      api_path: error.envelope.path,
      status: error.status,
      error_code: error.code,
      error_message: error.message,
      details: error.envelope.details,
    })
    return new Response('api_error', { status: 502, statusText: 'Bad Gateway' })
  }
  return error
}

/** Runs a loader body, converting API failures with routeErrorFrom(). */
export async function loading<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body()
  } catch (error) {
    throw routeErrorFrom(error)
  }
}

/** For actions: an API refusal becomes a message shown on the form; other failures propagate. */
export function actionErrorFrom(error: unknown): Message {
  if (error instanceof ApiError) return apiErrorMessage(error.envelope)
  if (error instanceof ApiUnreachableError) return { key: 'api.unreachable' }
  throw error
}
