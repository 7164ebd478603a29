import type { LinksFunction, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from '@remix-run/react'
import type { ReactNode } from 'react'
import bootstrapHref from 'bootstrap/dist/css/bootstrap.min.css?url'

import { AppNavbar } from '~/components/app-navbar'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { useNonce } from '~/lib/nonce'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: bootstrapHref },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Comptoir' }]

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="fr-CA">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="bg-body-tertiary">
        <AppNavbar />
        <main className="container pb-5">{children}</main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
