import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { ActiveBadge } from '~/components/active-badge'
import { Field } from '~/components/form-field'
import { Folded, WIDE_ONLY } from '~/components/list/folded'
import { ListTable } from '~/components/list/data-table'
import { EditCell } from '~/components/list/edit-cell'
import { ActiveFilterSelect, FilterBar, SelectFilter, StoreFilter } from '~/components/list/filter-bar'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { actionsColumn } from '~/components/table-head'
import { loadUsers, userFilters } from '~/lib/access/users.server'
import { ADMIN_ROLES, ROLES } from '~/lib/auth/roles'
import { choicesOf } from '~/lib/list-query'
import { listLoader } from '~/lib/list.server'
import { pageTitle } from '~/lib/meta'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'users.title') }]

export function loader(args: LoaderFunctionArgs) {
  return listLoader(args, ADMIN_ROLES, userFilters, loadUsers)
}

export default function UsersPage() {
  const { filters, stores, users } = useLoaderData<typeof loader>()
  const t = useT()
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
      <FilterBar label={t('users.filterLabel')} filtered={filtered} actionsClassName="col-sm-4 col-lg-2">
        <Field formId="users" name="q" type="search" label={t('users.search')} defaultValue={filters.search} maxLength={100} className="col-sm-6 col-lg-3" />
        <SelectFilter
          formId="users"
          name="role"
          label={t('users.role')}
          value={filters.role}
          any={t('users.allRoles')}
          choices={choicesOf(ROLES, (role) => t(`role.${role}`))}
          className="col-sm-6 col-lg-2"
        />
        <StoreFilter formId="users" value={filters.storeId} stores={stores} label={t('users.store')} any={t('users.allStores')} className="col-sm-4 col-lg-3" />
        <ActiveFilterSelect formId="users" value={filters.status} className="col-sm-4 col-lg-2" />
      </FilterBar>

      <ListTable
        list={users}
        testId="users-table"
        hover
        caption={t('users.title')}
        paginationLabel={t('users.paginationLabel')}
        empty={filtered ? t('users.noMatch') : t('users.empty')}
        columns={[
          t('users.username'),
          t('users.fullName'),
          // Folded into the name's cell on a tablet: at 768 px the table was 866 px wide and « Modifier » off-screen.
          { label: t('users.email'), className: WIDE_ONLY },
          t('users.role'),
          { label: t('users.store'), className: WIDE_ONLY },
          t('products.state'),
          actionsColumn(t('products.actions')),
        ]}
      >
        {(user) => (
          <tr key={user.id} className={user.active ? undefined : 'text-body-secondary'}>
            <td>
              <code>{user.username}</code>
            </td>
            <td>
              {user.fullName}
              <Folded label={t('users.email')}>{user.email}</Folded>
              {user.store ? <Folded label={t('users.store')}>{user.store}</Folded> : null}
            </td>
            <td className={`text-break ${WIDE_ONLY}`}>{user.email}</td>
            <td>{t(`role.${user.role}`)}</td>
            <td className={WIDE_ONLY}>{user.store ?? '—'}</td>
            <td>
              <ActiveBadge active={user.active} />
              {user.mustChangePassword ? (
                // Until its owner replaces it, the administrator who typed the password knows it.
                <span className="badge text-bg-warning ms-1" title={t('users.mustChangePasswordHelp')} data-testid="must-change-password">
                  {t('users.mustChangePassword')}
                </span>
              ) : null}
            </td>
            <EditCell to={`/utilisateurs/${user.id}`} label={t('users.editOf', { name: user.username })} />
          </tr>
        )}
      </ListTable>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
