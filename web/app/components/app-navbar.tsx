import { Form, Link, NavLink, useLocation } from '@remix-run/react'

import { CsrfField } from '~/components/csrf-field'
import { useDismissibleMenu } from '~/lib/dismissible-menu'
import { navRow, type NavLink as NavLinkEntry } from '~/lib/nav'
import type { RootData } from '~/lib/root-data'
import { translator, type Translate } from '~/lib/i18n/index'

/**
 * A clerk's three entries fit a tablet's width; a manager's eight wrapped to three rows at 768 px.
 * Longer menus fold behind « Menu » below 1200 px (app.css, .nav-menu).
 */
const COLLAPSE_AFTER = 4

/** The top bar: the user's menu (from lib/nav.ts), who is signed in (a link to their account), language, sign-out. */
export function AppNavbar({ root }: { root: RootData | undefined }) {
  const location = useLocation()
  const lang = root?.lang ?? 'fr'
  const t = translator(lang)
  const other = lang === 'fr' ? 'en' : 'fr'
  const switchParams = new URLSearchParams(location.search)
  switchParams.set('lang', other)
  const nav = root?.nav ?? []
  const menu = useDismissibleMenu()

  return (
    <nav className="navbar navbar-expand navbar-dark app-navbar mb-4 d-print-none" aria-label={t('nav.label')}>
      <div className="container-fluid px-3 flex-wrap gap-2">
        <Link className="navbar-brand fw-semibold" to="/">
          Comptoir
        </Link>
        {nav.length > COLLAPSE_AFTER ? (
          // A native disclosure: it opens without JavaScript. Remounted on each navigation so a chosen link closes it.
          <details className="nav-menu me-auto" key={location.key} ref={menu}>
            <summary className="btn btn-sm btn-outline-light dropdown-toggle">{t('nav.menu')}</summary>
            <NavList items={nav} t={t} />
          </details>
        ) : (
          <NavList items={nav} t={t} />
        )}
        {/* ms-auto: when a long menu pushes it to a second line, it stays at the right end. */}
        <div className="d-flex align-items-center flex-wrap gap-2 text-white ms-auto">
          <Link
            className="btn btn-sm btn-outline-light"
            to={`${location.pathname}?${switchParams.toString()}`}
            lang={other === 'en' ? 'en-CA' : 'fr-CA'}
            hrefLang={other === 'en' ? 'en-CA' : 'fr-CA'}
            aria-label={t('nav.switchLanguage')}
            title={t('nav.switchLanguage')}
          >
            {/* Two letters: a manager's menu then fits on one line at 1280 px (with the tighter links of app.css). */}
            {other.toUpperCase()}
          </Link>
          {root?.user ? (
            <>
              <Link className="small link-light" to="/compte" title={`${t(`role.${root.user.role}`)} · ${t('account.linkTitle')}`} data-testid="current-user">
                {root.user.fullName}
                <span className="d-none d-xxl-inline"> · {t(`role.${root.user.role}`)}</span>
              </Link>
              <Form method="post" action="/deconnexion" className="d-inline">
                <CsrfField />
                <button type="submit" className="btn btn-sm btn-light">
                  {t('nav.logout')}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      </div>
    </nav>
  )
}

function NavList({ items, t }: { items: RootData['nav']; t: Translate }) {
  const { pathname } = useLocation()
  return (
    <ul className="navbar-nav me-auto flex-wrap">
      {navRow(items).map((entry) =>
        entry.kind === 'link' ? (
          <li className="nav-item" key={entry.link.id}>
            <NavLink className="nav-link" to={entry.link.href} prefetch="intent">
              {t(entry.link.label)}
            </NavLink>
          </li>
        ) : (
          <li className="nav-item" key={entry.id}>
            <NavGroup label={t(entry.label)} links={entry.links} current={entry.links.some((link) => isWithin(pathname, link.href))} t={t} />
          </li>
        )
      )}
    </ul>
  )
}

/**
 * A dropdown of the menu (an administrator's management pages): a native disclosure, so it opens
 * without JavaScript and from the keyboard (Enter or Space on its summary); with JavaScript, Escape
 * or a click outside closes it. Remounted on each navigation, like « Menu », so a chosen link closes it.
 */
function NavGroup({ label, links, current, t }: { label: string; links: NavLinkEntry[]; current: boolean; t: Translate }) {
  const location = useLocation()
  const menu = useDismissibleMenu()
  return (
    <details className="nav-group" key={location.key} ref={menu}>
      <summary className={`nav-link dropdown-toggle${current ? ' active' : ''}`}>{label}</summary>
      <ul className="nav-group-list list-unstyled">
        {links.map((link) => (
          <li key={link.id}>
            <NavLink className="nav-link" to={link.href} prefetch="intent">
              {t(link.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </details>
  )
}

/** The page is `href` or one of its own (`/produits/4` is within `/produits`). */
const isWithin = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`)
