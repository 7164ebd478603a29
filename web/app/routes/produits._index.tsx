import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'

import { ActiveBadge } from '~/components/active-badge'
import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { Pagination } from '~/components/pagination'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { PRODUCT_SORTS } from '~/lib/catalog/options'
import { loadProducts, productFilters } from '~/lib/catalog/products.server'
import { formatMoney, formatNumber } from '~/lib/format'
import { ACTIVE_FILTERS } from '~/lib/list-query'
import { loading, requireRole, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction = () => [{ title: 'Produits · Comptoir' }]

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, MANAGER_ROLES)
  const filters = productFilters(new URL(args.request.url))
  return loading(async () => ({ filters, ...(await loadProducts(api, filters)) }))
}

export default function ProductsPage() {
  const { filters, categories, products } = useLoaderData<typeof loader>()
  const t = useT()
  const location = useLocation()
  const filtered = filters.search !== '' || filters.categoryId !== null || filters.status !== 'tous'

  return (
    <>
      <PageHeader
        title={t('products.title')}
        crumbs={[{ label: t('management.title'), to: '/gestion' }, { label: t('products.title') }]}
        actions={
          <>
            <Link className="btn btn-outline-secondary" to="/categories">
              {t('categories.title')}
            </Link>
            <Link className="btn btn-primary" to="/produits/nouveau">
              {t('products.new')}
            </Link>
          </>
        }
      />

      <Form method="get" className="row g-2 align-items-end mb-3" role="search" aria-label={t('products.filterLabel')}>
        <div className="col-sm-6 col-lg-4">
          <label htmlFor="products-q" className="form-label">
            {t('products.search')}
          </label>
          <input id="products-q" name="q" type="search" className="form-control" defaultValue={filters.search} maxLength={100} />
        </div>
        <div className="col-sm-6 col-lg-2">
          <label htmlFor="products-categorie" className="form-label">
            {t('products.category')}
          </label>
          <select id="products-categorie" name="categorie" className="form-select" defaultValue={filters.categoryId ?? ''}>
            <option value="">{t('products.allCategories')}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-4 col-lg-2">
          <label htmlFor="products-statut" className="form-label">
            {t('admin.statusFilter')}
          </label>
          <select id="products-statut" name="statut" className="form-select" defaultValue={filters.status}>
            {ACTIVE_FILTERS.map((status) => (
              <option key={status} value={status}>
                {t(`admin.filter.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-sm-4 col-lg-2">
          <label htmlFor="products-tri" className="form-label">
            {t('products.sort')}
          </label>
          <select id="products-tri" name="tri" className="form-select" defaultValue={filters.sort}>
            {PRODUCT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`products.sort.${sort}`)}
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

      {products.items.length === 0 ? (
        <EmptyState
          action={
            filtered ? null : (
              <Link className="btn btn-primary btn-sm" to="/produits/nouveau">
                {t('products.new')}
              </Link>
            )
          }
        >
          {filtered ? t('products.noMatch') : t('products.empty')}
        </EmptyState>
      ) : (
        <div className="table-responsive bg-body rounded-3 shadow-sm">
          <table className="table table-hover align-middle mb-0" data-testid="products-table">
            <caption className="visually-hidden">{t('products.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('products.code')}</th>
                <th scope="col">{t('products.name')}</th>
                <th scope="col">{t('products.category')}</th>
                <th scope="col" className="amount">
                  {t('products.price')}
                </th>
                <th scope="col" className="amount">
                  {t('products.warehouseStock')}
                </th>
                <th scope="col">{t('products.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('products.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {products.items.map((product) => (
                <tr key={product.id} className={product.active ? undefined : 'text-body-secondary'}>
                  <td>
                    <code>{product.code}</code>
                    {product.barcode ? <div className="small text-body-secondary">{product.barcode}</div> : null}
                  </td>
                  <td className="pos-product-name">{product.name}</td>
                  <td>{product.category}</td>
                  <td className="amount">{formatMoney(product.priceCents)}</td>
                  <td className="amount">{formatNumber(product.warehouseQuantity)}</td>
                  <td>
                    <ActiveBadge active={product.active} />
                  </td>
                  <td className="text-end">
                    <Link className="btn btn-sm btn-outline-primary" to={`/produits/${product.id}`} aria-label={t('products.editOf', { name: product.name })}>
                      {t('products.edit')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={products.page} size={products.size} total={products.total} label={t('products.paginationLabel')} />
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
