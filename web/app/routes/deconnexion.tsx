import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form } from '@remix-run/react'

import { AuthCard } from '~/components/auth-card'
import { CsrfField } from '~/components/csrf-field'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { createApiClient } from '~/lib/api/client.server'
import { authState, getSession, signOut } from '~/lib/auth/session.server'
import { webConfig } from '~/lib/env.server'
import { pageTitle } from '~/lib/meta'
import { checkedForm, redirectWithNotice } from '~/lib/request.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'auth.logoutPageTitle') }]

/** GET changes nothing: it offers the sign-out button (for a bookmarked /deconnexion). */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  if (authState(session).kind !== 'signed-in') throw redirect('/connexion')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getSession(request)
  await checkedForm(request, session)
  const state = authState(session)
  if (state.kind === 'signed-in') {
    // Revoke the API token too, so a copy of the cookie is worthless. A failure here
    // (API down, token already expired) must not keep anyone signed in on this side.
    const config = webConfig()
    await createApiClient({ baseUrl: config.apiUrl, token: state.token, requestId: context.requestId, clientIp: context.clientIp, timeoutMs: 3_000 })
      .POST('/api/v1/auth/logout')
      .catch(() => undefined)
  }
  signOut(session)
  return redirectWithNotice('/connexion', session, { kind: 'info', message: { key: 'auth.loggedOut' } })
}

export default function LogoutPage() {
  const t = useT()
  return (
    <AuthCard title={t('auth.logoutTitle')}>
      <Form method="post" action="/deconnexion">
        <CsrfField />
        <button type="submit" className="btn btn-primary">
          {t('nav.logout')}
        </button>
      </Form>
    </AuthCard>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
