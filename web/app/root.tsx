import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useFetchers, useLocation, useMatches, useNavigation } from '@remix-run/react'
import { useEffect, type ReactNode } from 'react'
import bootstrapHref from 'bootstrap/dist/css/bootstrap.min.css?url'

import appStylesHref from '~/styles/app.css?url'
import contrastStylesHref from '~/styles/contrast.css?url'
import { AppNavbar } from '~/components/app-navbar'
import { NoticeBanner } from '~/components/notice-banner'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { authState, commitSession, ensureCsrfToken, getSession, touch } from '~/lib/auth/session.server'
import { MAIN_CONTENT_ID, useFocusBackAfterSubmit } from '~/lib/focus-after-submit'
import { useHydrated } from '~/lib/hydrated'
import { htmlLang, translator } from '~/lib/i18n/index'
import { requestLang } from '~/lib/i18n/lang.server'
import { navFor } from '~/lib/nav'
import { useNonce } from '~/lib/nonce'
import { useRootData, type RootData } from '~/lib/root-data'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: bootstrapHref },
  { rel: 'stylesheet', href: appStylesHref },
  { rel: 'stylesheet', href: contrastStylesHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Comptoir' }]

/**
 * Runs on every page: the one loader that writes the session cookie outside
 * of actions (CSRF token on first visit, one-time notices, idle timeout), so
 * loaders never race each other over it.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const { lang, setCookie } = await requestLang(request)
  const state = authState(session)
  const csrf = ensureCsrfToken(session)
  const notice = session.get('notice') ?? null
  const carried = session.get('refusal') ?? null
  let dirty = csrf.created || notice !== null || carried !== null
  if (state.kind === 'signed-in' && state.needsTouch) {
    touch(session)
    dirty = true
  }
  const headers = new Headers()
  if (dirty) headers.append('Set-Cookie', await commitSession(session))
  if (setCookie) headers.append('Set-Cookie', setCookie)
  const user = state.kind === 'signed-in' ? state.user : null
  const refusal = carried && carried.path === new URL(request.url).pathname ? carried.result : null
  const root: RootData = { user, nav: navFor(user), lang, csrf: csrf.token, notice, refusal, requestId: context.requestId }
  return data(root, { headers })
}

/** Routes that need the whole width (the POS) say so with `handle = { wide: true }`. */
function useWideLayout(): boolean {
  return useMatches().some((match) => (match.handle as { wide?: boolean } | undefined)?.wide === true)
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const root = useRootData()
  const wide = useWideLayout()
  const t = translator(root?.lang ?? 'fr')
  return (
    <html lang={htmlLang(root?.lang ?? 'fr')}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="bg-body-tertiary">
        <a className="visually-hidden-focusable btn btn-light m-2 position-absolute" href={`#${MAIN_CONTENT_ID}`}>
          {t('nav.skipToContent')}
        </a>
        <AppNavbar root={root} />
        {/* Focusable from script only (tabIndex -1): where the focus goes after a form is drawn anew. */}
        <main id={MAIN_CONTENT_ID} tabIndex={-1} className={wide ? 'container-fluid px-3 pb-4' : 'container pb-5'}>
          <NoticeBanner notice={root?.notice ?? null} />
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  usePageStateMarkers()
  useFocusBackAfterSubmit()
  return <Outlet />
}

/**
 * What the page is doing, on <html>, for end-to-end tests (and anyone scripting the app): a test
 * must not act on a page that is not interactive yet, nor read one whose URL changed before React
 * showed it (a client navigation pushes the URL first).
 *   data-hydrated="true"  once the render showing what needs JavaScript (useHydrated) is committed;
 *   data-url              the path and query of the page on screen;
 *   data-busy="true"      while a form or fetcher is being answered;
 *   data-settled          how many submissions have been answered so far.
 */
function usePageStateMarkers() {
  const hydrated = useHydrated()
  const location = useLocation()
  const navigation = useNavigation()
  const fetchers = useFetchers()
  const busy = navigation.state !== 'idle' || fetchers.some((fetcher) => fetcher.state !== 'idle')
  useEffect(() => {
    if (!hydrated) return
    const marks = document.documentElement.dataset
    marks.hydrated = 'true'
    marks.url = location.pathname + location.search
    if (marks.busy === 'true' && !busy) marks.settled = String(Number(marks.settled ?? 0) + 1)
    marks.busy = String(busy)
  }, [hydrated, busy, location])
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
