import { createCookie } from '@remix-run/node'

import { resolveLang, type Lang } from './index.ts'

// Not a secret and not signed: a wrong value just falls back to French.
export const langCookie = createCookie('lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

/** The request's language and, when `?lang=` changed it, the Set-Cookie to remember it. */
export async function requestLang(request: Request): Promise<{ lang: Lang; setCookie: string | null }> {
  const query = new URL(request.url).searchParams.get('lang')
  const stored: unknown = await langCookie.parse(request.headers.get('Cookie'))
  const lang = resolveLang(query, stored)
  const setCookie = query !== null && lang === query && lang !== stored ? await langCookie.serialize(lang) : null
  return { lang, setCookie }
}
