import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'

import { ActiveCell } from '~/components/active-badge'
import { Field } from '~/components/form-field'
import { ListTable } from '~/components/list/data-table'
import { EditCell } from '~/components/list/edit-cell'
import { ActiveFilterSelect, FilterBar, SelectFilter } from '~/components/list/filter-bar'
import { NameText } from '~/components/name-text'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { actionsColumn, amountColumn } from '~/components/table-head'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { PRODUCT_SORTS } from '~/lib/catalog/options'
import { loadProducts, productFilters } from '~/lib/catalog/products.server'
import { formatMoney, formatNumber } from '~/lib/format'
import { choicesOf, namedChoices } from '~/lib/list-query'
import { listLoader } from '~/lib/list.server'
import { pageTitle } from '~/lib/meta'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'products.title') }]

export function loader(args: LoaderFunctionArgs) {
  return listLoader(args, MANAGER_ROLES, productFilters, loadProducts)
}

export default function ProductsPage() {
  const { filters, categories, products } = useLoaderData<typeof loader>()
  const t = useT()
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

      <FilterBar label={t('products.filterLabel')} filtered={filtered} actionsClassName="col-sm-4 col-lg-2">
        {/* The category select as wide as its longest name (in a fixed column it read « Toutes les catég »); the search takes what is left. */}
        <Field formId="products" name="q" type="search" label={t('products.search')} defaultValue={filters.search} maxLength={100} className="col-sm-6 col-lg" />
        <SelectFilter
          formId="products"
          name="categorie"
          label={t('products.category')}
          value={filters.categoryId}
          any={t('products.allCategories')}
          choices={namedChoices(categories)}
          className="col-sm-6 col-lg-auto"
        />
        <ActiveFilterSelect formId="products" value={filters.status} className="col-sm-4 col-lg-2" />
        <SelectFilter
          formId="products"
          name="tri"
          label={t('products.sort')}
          value={filters.sort}
          choices={choicesOf(PRODUCT_SORTS, (sort) => t(`products.sort.${sort}`))}
          className="col-sm-4 col-lg-2"
        />
      </FilterBar>

      <ListTable
        list={products}
        testId="products-table"
        hover
        caption={t('products.caption')}
        paginationLabel={t('products.paginationLabel')}
        empty={filtered ? t('products.noMatch') : t('products.empty')}
        emptyAction={
          filtered ? null : (
            <Link className="btn btn-primary btn-sm" to="/produits/nouveau">
              {t('products.new')}
            </Link>
          )
        }
        columns={[
          t('products.code'),
          t('products.name'),
          t('products.category'),
          amountColumn(t('products.price')),
          amountColumn(t('products.warehouseStock')),
          t('products.state'),
          actionsColumn(t('products.actions')),
        ]}
      >
        {(product) => (
          <tr key={product.id} className={product.active ? undefined : 'text-body-secondary'}>
            <td>
              <code>{product.code}</code>
              {product.barcode ? <div className="small text-body-secondary">{product.barcode}</div> : null}
            </td>
            <td className="pos-product-name">
              <NameText text={product.name} />
            </td>
            <td>{product.category}</td>
            <td className="amount">{formatMoney(product.priceCents)}</td>
            <td className="amount">{formatNumber(product.warehouseQuantity)}</td>
            <ActiveCell active={product.active} />
            <EditCell to={`/produits/${product.id}`} label={t('products.editOf', { name: product.name })} />
          </tr>
        )}
      </ListTable>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
