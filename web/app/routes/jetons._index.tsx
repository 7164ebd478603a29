import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'

import { ConfirmAction } from '~/components/confirm-action'
import { CopyableField } from '~/components/copyable-field'
import { FormError } from '~/components/form-field'
import { ListTable } from '~/components/list/data-table'
import { ActiveFilterSelect } from '~/components/list/filter-bar'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { actionsColumn } from '~/components/table-head'
import { ALREADY_CREATED, takeNewToken } from '~/lib/access/new-token.server'
import { loadTokens, revokeToken, tokenFilters } from '~/lib/access/tokens.server'
import { ADMIN_ROLES } from '~/lib/auth/roles'
import { formatDate, formatDay } from '~/lib/format'
import { lastValidDay, type TokenState } from '~/lib/forms/access'
import { apiRefusal } from '~/lib/forms/refusal.server'
import type { FormRefusal } from '~/lib/forms/refusals'
import { pageTitle } from '~/lib/meta'
import { loading, mutation, redirectWithNotice, requireRole, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'tokens.title') }]

// The page may carry a token's secret: no cache keeps it.
export const headers: HeadersFunction = ({ loaderHeaders, parentHeaders }) => {
  const headers = new Headers(parentHeaders)
  const cacheControl = loaderHeaders.get('Cache-Control')
  if (cacheControl) headers.set('Cache-Control', cacheControl)
  return headers
}

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, ADMIN_ROLES)
  const filters = tokenFilters(new URL(args.request.url))
  const tokens = await loading(() => loadTokens(api, filters))
  // Taken after the list loaded: a failing page must not lose the only copy of the secret.
  const { token: created, setCookie } = await takeNewToken(args.request, user.id)
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  if (setCookie) headers.append('Set-Cookie', setCookie)
  // A token a repeated creation form had already made (see jetons.nouveau.tsx): its row is marked.
  const repeated = Number(new URL(args.request.url).searchParams.get(ALREADY_CREATED))
  const alreadyCreated = Number.isInteger(repeated) && repeated > 0 ? repeated : null
  return data({ filters, tokens, created, alreadyCreated }, { headers })
}

export async function action(args: ActionFunctionArgs) {
  const { api, user, form, session } = await mutation(args)
  requireRole(user, ADMIN_ROLES)
  const url = new URL(args.request.url)
  const id = Number(form.get('jeton_id'))
  if (form.get('intent') !== 'revoke' || !Number.isInteger(id) || id < 1) throw new Response('bad_request', { status: 400 })
  try {
    await revokeToken(api, id)
  } catch (error) {
    return apiRefusal(error, [], { intent: `revoke-${id}` })
  }
  const name = String(form.get('nom') ?? '').slice(0, 100)
  return redirectWithNotice(url.pathname + url.search, session, { kind: 'success', message: { key: 'tokens.revoked', params: { name } } })
}

const STATE_BADGES: Record<TokenState, string> = {
  active: 'text-bg-success',
  expired: 'text-bg-secondary',
  revoked: 'text-bg-danger',
}

export default function TokensPage() {
  const { filters, tokens, created, alreadyCreated } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as FormRefusal | undefined
  const t = useT()
  const location = useLocation()
  const formAction = location.pathname + location.search
  const when = (value: string | null, none: string) => (value ? formatDate(value, { withTime: true }) : none)
  // A token chosen to last "until 1 March" ends at midnight: shown as that day, included.
  const validUntil = (expiresAt: string | null) => {
    if (!expiresAt) return t('tokens.noExpiry')
    const day = lastValidDay(expiresAt)
    return day ? t('tokens.throughDay', { day: formatDay(day) }) : formatDate(expiresAt, { withTime: true })
  }

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        crumbs={[{ label: t('management.title'), to: '/gestion' }, { label: t('tokens.title') }]}
        lead={t('tokens.lead')}
        actions={
          <Link className="btn btn-primary" to="/jetons/nouveau">
            {t('tokens.new')}
          </Link>
        }
      />
      {created ? (
        <section className="alert alert-warning" aria-labelledby="new-token-title" data-testid="new-token">
          <h2 id="new-token-title" className="h5">
            {t('tokens.createdTitle', { name: created.name })}
          </h2>
          <p>{t('tokens.createdOnce')}</p>
          <label htmlFor="new-token-value" className="form-label fw-semibold">
            {t('tokens.secret')}
          </label>
          <CopyableField id="new-token-value" value={created.token} />
        </section>
      ) : null}

      <Form method="get" className="d-flex flex-wrap align-items-end gap-2 mb-3" aria-label={t('tokens.filterLabel')}>
        {/* No margin under the select: the inline form lines it up with its button. */}
        <ActiveFilterSelect formId="tokens" value={filters.status} className="" optionLabel={(status) => t(`tokens.filter.${status}`)} />
        <button type="submit" className="btn btn-outline-primary">
          {t('products.apply')}
        </button>
      </Form>

      {/* Above the table, not in the row's actions cell, where it squeezed the columns. */}
      <FormError error={refusal?.intent?.startsWith('revoke-') ? refusal.error : undefined} />
      <ListTable
        list={tokens}
        testId="tokens-table"
        caption={t('tokens.title')}
        paginationLabel={t('tokens.paginationLabel')}
        empty={filters.status === 'tous' ? t('tokens.empty') : t('tokens.noMatch')}
        columns={[
          t('tokens.name'),
          t('tokens.scopes'),
          t('tokens.createdAt'),
          t('tokens.lastUsed'),
          t('tokens.expiresAt'),
          t('products.state'),
          actionsColumn(t('products.actions')),
        ]}
      >
        {(token) => (
          <tr
            key={token.id}
            id={`jeton-${token.id}`}
            data-testid={`token-${token.id}`}
            className={token.id === alreadyCreated ? 'table-warning' : undefined}
          >
            <td>
              <div className="pos-product-name">{token.name}</div>
              <code className="small">{token.prefix}…</code>
              {token.id === alreadyCreated ? (
                <div className="small fw-semibold" data-testid="token-already-created">
                  {t('tokens.alreadyCreatedRow')}
                </div>
              ) : null}
            </td>
            <td>{token.scopes.map((scope) => t(`tokens.scope.${scope}`)).join(', ')}</td>
            <td>{formatDate(token.createdAt, { withTime: true })}</td>
            <td>{when(token.lastUsedAt, t('tokens.neverUsed'))}</td>
            <td>{validUntil(token.expiresAt)}</td>
            <td>
              <span className={`badge ${STATE_BADGES[token.state]}`}>{t(`tokens.state.${token.state}`)}</span>
              {token.revokedAt ? <div className="small text-body-secondary">{formatDate(token.revokedAt, { withTime: true })}</div> : null}
            </td>
            <td className="text-end">
              {token.state === 'active' ? (
                <ConfirmAction
                  action={formAction}
                  intent="revoke"
                  fields={{ jeton_id: token.id, nom: token.name }}
                  label={t('tokens.revoke')}
                  accessibleName={t('tokens.revokeOf', { name: token.name })}
                  question={t('tokens.revokeQuestion', { name: token.name })}
                  confirmLabel={t('tokens.revokeConfirm')}
                />
              ) : null}
            </td>
          </tr>
        )}
      </ListTable>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
