// What the root loader gives every page: who is signed in, their menu, the
// language, the CSRF token for forms and the one-time notice to show.
import { useRouteLoaderData } from '@remix-run/react'

import type { SessionUser } from './auth/roles.ts'
import { DEFAULT_LANG, translator, type Lang, type Message, type Translate } from './i18n/index.ts'
import type { NavLink } from './nav.ts'
import type { Notice } from './notice.ts'

export interface RootData {
  user: SessionUser | null
  nav: NavLink[]
  lang: Lang
  csrf: string
  notice: Notice | null
  /** What the form posted on this page without JavaScript was refused with (flashRefusal), once. */
  refusal: unknown
  requestId: string
}

export function useRootData(): RootData | undefined {
  return useRouteLoaderData('root') as RootData | undefined
}

export function useLang(): Lang {
  return useRootData()?.lang ?? DEFAULT_LANG
}

/** The translation function for the current language. */
export function useT(): Translate {
  return translator(useLang())
}

/** Translates a Message (from a form error or an API error) with the current language. */
export function useMessage(): (message: Message) => string {
  const t = useT()
  return (message) => t(message.key, message.params)
}

export function useUser(): SessionUser | null {
  return useRootData()?.user ?? null
}

/** A refusal carried over a redirect to this page (no JavaScript), in the shape its action answers. */
export function useCarriedRefusal<T>(): T | undefined {
  return (useRootData()?.refusal ?? undefined) as T | undefined
}
