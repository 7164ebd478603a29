import { createCookie } from '@remix-run/node'

import { webConfig } from '../env.server.ts'
import { resolveLang, type Lang } from './index.ts'

let cookie: ReturnType<typeof createCookie> | undefined

// Not a secret and not signed: a wrong value just falls back to French.
function langCookie() {
  cookie ??= createCookie('lang', {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    secure: webConfig().cookieSecure,
    maxAge: 60 * 60 * 24 * 365,
  })
  return cookie
}

/**
 * Whether a `?lang=` may be remembered: asked from our own pages (the switch in the top bar), a
 * typed address or a bookmark — not a link on another site, which would otherwise change a
 * signed-in user's language for a year (a GET with a lasting effect). Browsers without
 * Sec-Fetch-Site are taken at their word.
 */
function mayRemember(request: Request): boolean {
  const site = request.headers.get('Sec-Fetch-Site')
  return site === null || site === 'same-origin' || site === 'none'
}

/** The request's language and, when `?lang=` changed it from our own pages, the Set-Cookie to remember it. */
export async function requestLang(request: Request): Promise<{ lang: Lang; setCookie: string | null }> {
  const query = new URL(request.url).searchParams.get('lang')
  const stored: unknown = await langCookie().parse(request.headers.get('Cookie'))
  const lang = resolveLang(query, stored)
  const changed = query !== null && lang === query && lang !== stored
  const setCookie = changed && mayRemember(request) ? await langCookie().serialize(lang) : null
  return { lang, setCookie }
}
