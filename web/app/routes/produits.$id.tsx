import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'

import { ActiveBadge } from '~/components/active-badge'
import { ActiveToggle } from '~/components/active-toggle'
import { ProductForm } from '~/components/catalog/product-form'
import { ConfirmAction } from '~/components/confirm-action'
import { PageHeader } from '~/components/page-header'
import { RecordLayout } from '~/components/record-layout'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { deleteProduct, loadProduct, setProductActive, updateProduct } from '~/lib/catalog/products.server'
import { formatNumber } from '~/lib/format'
import { PRODUCT_FIELDS, parseProduct } from '~/lib/forms/catalog'
import { apiRefusal, invalidForm } from '~/lib/forms/refusal.server'
import { fieldsToSave, readBaseline, type Canonical } from '~/lib/forms/edit-merge'
import { echoFields, refusalsByPlace, type FormRefusal } from '~/lib/forms/refusals'
import { parseMoneyInput } from '~/lib/money'
import { pageTitle } from '~/lib/meta'
import { loadRecord, recordMutation } from '~/lib/record.server'
import { redirectWithNotice } from '~/lib/request.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? pageTitle(matches, 'products.pageTitleOf', { name: data.product.name }) : pageTitle(matches, 'products.pageTitle') },
]

export async function loader(args: LoaderFunctionArgs) {
  return loadRecord(args, MANAGER_ROLES, loadProduct)
}

const INTENTS = ['save', 'deactivate', 'reactivate', 'delete'] as const

// The opening stock is a creation field: an edit never sends it.
const EDITABLE_PRODUCT_FIELDS = PRODUCT_FIELDS.filter((field) => field !== 'quantite_stock')
const PRODUCT_CANONICAL: Canonical = { prix: (value) => String(parseMoneyInput(value) ?? value) }

export async function action(args: ActionFunctionArgs) {
  const { api, form, session, id } = await recordMutation(args, MANAGER_ROLES)
  const intent = INTENTS.find((candidate) => candidate === form.get('intent'))
  if (!intent) throw new Response('unknown_intent', { status: 400 })
  const here = `/produits/${id}`

  if (intent === 'save') {
    const values = echoFields(form, PRODUCT_FIELDS)
    const before = readBaseline(form)
    const context = { intent, values, ...(before ? { baseline: before } : {}) }
    const parsed = parseProduct(form, { creating: false })
    if (!parsed.ok) return invalidForm(parsed.errors, context)
    try {
      const scope = await fieldsToSave(form, EDITABLE_PRODUCT_FIELDS, values, async () => (await loadProduct(api, id)).product.values, PRODUCT_CANONICAL)
      if (!scope.ok) return data<FormRefusal>({ intent, ...scope.refusal }, { status: 409 })
      const product = scope.fields.length > 0 ? await updateProduct(api, id, parsed.value, scope.fields) : null
      return redirectWithNotice(here, session, { kind: 'success', message: { key: 'products.saved', params: { name: product?.nom ?? parsed.value.name } } })
    } catch (error) {
      return apiRefusal(error, PRODUCT_FIELDS, context)
    }
  }
  if (intent === 'delete') {
    try {
      const product = await deleteProduct(api, id)
      return redirectWithNotice('/produits', session, { kind: 'success', message: { key: 'products.deleted', params: { name: product.nom } } })
    } catch (error) {
      return apiRefusal(error, [], { intent }, { RESOURCE_IN_USE: 'products.inUse' })
    }
  }
  try {
    const product = await setProductActive(api, id, intent === 'reactivate')
    const key = product.actif ? 'products.reactivated' : 'products.deactivated'
    return redirectWithNotice(here, session, { kind: 'success', message: { key, params: { name: product.nom } } })
  } catch (error) {
    return apiRefusal(error, [], { intent })
  }
}

export default function ProductPage() {
  const { product, categories } = useLoaderData<typeof loader>()
  const refusal = refusalsByPlace(useActionData<typeof action>() as FormRefusal | undefined)
  const t = useT()
  const path = `/produits/${product.id}`

  return (
    <>
      <PageHeader
        title={
          <>
            <span className="pos-product-name">{product.name}</span> <ActiveBadge active={product.active} />
          </>
        }
        crumbs={[
          { label: t('management.title'), to: '/gestion' },
          { label: t('products.title'), to: '/produits' },
          { label: product.code },
        ]}
        lead={t('products.summary', { code: product.code, category: product.category ?? '—', stock: formatNumber(product.warehouseQuantity) })}
      />
      <RecordLayout
        form={
          // Drawn anew when a save is refused for a conflict: its fields then show the record as it is now.
          <ProductForm
            key={refusal.form?.baseline ? JSON.stringify(refusal.form.baseline) : 'edit'}
            creating={false}
            action={path}
            categories={categories}
            values={product.values}
            refusal={refusal.form}
          />
        }
        asideId="product-status"
        asideTitle={t('products.statusTitle')}
        asideError={refusal.aside?.error}
      >
        <p className="small text-body-secondary">{product.active ? t('products.deactivateHelp') : t('products.reactivateHelp')}</p>
        <ActiveToggle action={path} active={product.active} name={product.name} texts="products" />
        <p className="small text-body-secondary mt-3 mb-2">{t('products.deleteHelp')}</p>
        <ConfirmAction
          action={path}
          intent="delete"
          label={t('products.delete')}
          accessibleName={t('products.deleteOf', { name: product.name })}
          question={t('products.deleteQuestion', { name: product.name })}
          confirmLabel={t('products.deleteConfirm')}
        />
      </RecordLayout>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
