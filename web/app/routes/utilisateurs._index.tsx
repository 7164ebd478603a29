import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'

import { ActiveBadge } from '~/components/active-badge'
import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { Pagination } from '~/components/pagination'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { loadUsers, userFilters } from '~/lib/access/users.server'
import { ADMIN_ROLES, ROLES } from '~/lib/auth/roles'
import { ACTIVE_FILTERS } from '~/lib/list-query'
import { loading, requireRole, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction = () => [{ title: 'Utilisateurs · Comptoir' }]

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, ADMIN_ROLES)
  const filters = userFilters(new URL(args.request.url))
  return loading(async () => ({ filters, ...(await loadUsers(api, filters)) }))
}

export default function UsersPage() {
  const { filters, stores, users } = useLoaderData<typeof loader>()
  const t = useT()
  const location = useLocation()
  const filtered = filters.search !== '' || filters.role !== null || filters.storeId !== null || filters.status !== 'tous'

  return (
    <>
      <PageHeader
        title={t('users.title')}
        crumbs={[{ label: t('management.title'), to: '/gestion' }, { label: t('users.title') }]}
        actions={
          <Link className="btn btn-primary" to="/utilisateurs/nouveau">
            {t('users.new')}
          </Link>
        }
      />
      <Form method="get" className="row g-2 align-items-end mb-3" role="search" aria-label={t('users.filterLabel')}>
        <div className="col-sm-6 col-lg-3">
          <label htmlFor="users-q" className="form-label">
            {t('users.search')}
          </label>
          <input id="users-q" name="q" type="search" className="form-control" defaultValue={filters.search} maxLength={100} />
        </div>
        <div className="col-sm-6 col-lg-2">
          <label htmlFor="users-role" className="form-label">
            {t('users.role')}
          </label>
          <select id="users-role" name="role" className="form-select" defaultValue={filters.role ?? ''}>
            <option value="">{t('users.allRoles')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-4 col-lg-3">
          <label htmlFor="users-magasin" className="form-label">
            {t('users.store')}
          </label>
          <select id="users-magasin" name="magasin" className="form-select" defaultValue={filters.storeId ?? ''}>
            <option value="">{t('users.allStores')}</option>
            {stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-4 col-lg-2">
          <label htmlFor="users-statut" className="form-label">
            {t('admin.statusFilter')}
          </label>
          <select id="users-statut" name="statut" className="form-select" defaultValue={filters.status}>
            {ACTIVE_FILTERS.map((status) => (
              <option key={status} value={status}>
                {t(`admin.filter.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-4 col-lg-2 d-flex gap-2">
          <button type="submit" className="btn btn-primary">
            {t('products.apply')}
          </button>
          {filtered ? (
            <Link to={location.pathname} className="btn btn-link">
              {t('products.reset')}
            </Link>
          ) : null}
        </div>
      </Form>

      {users.items.length === 0 ? (
        <EmptyState>{filtered ? t('users.noMatch') : t('users.empty')}</EmptyState>
      ) : (
        <div className="table-responsive bg-body rounded-3 shadow-sm">
          <table className="table table-hover align-middle mb-0" data-testid="users-table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.fullName')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.store')}</th>
                <th scope="col">{t('products.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('products.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.items.map((user) => (
                <tr key={user.id} className={user.active ? undefined : 'text-body-secondary'}>
                  <td>
                    <code>{user.username}</code>
                  </td>
                  <td>{user.fullName}</td>
                  <td className="text-break">{user.email}</td>
                  <td>{t(`role.${user.role}`)}</td>
                  <td>{user.store ?? '—'}</td>
                  <td>
                    <ActiveBadge active={user.active} />
                  </td>
                  <td className="text-end">
                    <Link className="btn btn-sm btn-outline-primary" to={`/utilisateurs/${user.id}`} aria-label={t('users.editOf', { name: user.username })}>
                      {t('products.edit')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={users.page} size={users.size} total={users.total} label={t('users.paginationLabel')} />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
