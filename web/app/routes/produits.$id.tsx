import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'

import { ActiveBadge } from '~/components/active-badge'
import { ActiveToggle } from '~/components/active-toggle'
import { ProductForm } from '~/components/catalog/product-form'
import { ConfirmAction } from '~/components/confirm-action'
import { FormError } from '~/components/form-field'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { deleteProduct, loadProduct, setProductActive, updateProduct } from '~/lib/catalog/products.server'
import { formatNumber } from '~/lib/format'
import { PRODUCT_FIELDS, parseProduct } from '~/lib/forms/catalog'
import { apiRefusal, invalidForm } from '~/lib/forms/refusal.server'
import { echoFields, type FormRefusal } from '~/lib/forms/refusals'
import { idParam, loading, mutation, redirectWithNotice, requireRole, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.product.name} · Produits · Comptoir` : 'Produit · Comptoir' },
]

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, MANAGER_ROLES)
  // A bad or unknown id is a 404 page (the original's edit page answered 500).
  const id = idParam(args.params.id)
  return loading(() => loadProduct(api, id))
}

const INTENTS = ['save', 'deactivate', 'reactivate', 'delete'] as const

export async function action(args: ActionFunctionArgs) {
  const { api, user, form, session } = await mutation(args)
  requireRole(user, MANAGER_ROLES)
  const id = idParam(args.params.id)
  const intent = INTENTS.find((candidate) => candidate === form.get('intent'))
  if (!intent) throw new Response('unknown_intent', { status: 400 })
  const here = `/produits/${id}`

  if (intent === 'save') {
    const values = echoFields(form, PRODUCT_FIELDS)
    const parsed = parseProduct(form, { creating: false })
    if (!parsed.ok) return invalidForm(parsed.errors, { intent, values })
    try {
      const product = await updateProduct(api, id, parsed.value)
      return redirectWithNotice(here, session, { kind: 'success', message: { key: 'products.saved', params: { name: product.nom } } })
    } catch (error) {
      return apiRefusal(error, PRODUCT_FIELDS, { intent, values })
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
  const refusal = useActionData<typeof action>() as FormRefusal | undefined
  const t = useT()
  const path = `/produits/${product.id}`
  const statusRefusal = refusal && refusal.intent !== 'save' ? refusal : undefined

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
      <div className="row g-3">
        <div className="col-lg-8">
          <ProductForm
            creating={false}
            action={path}
            categories={categories}
            values={product.values}
            refusal={refusal?.intent === 'save' ? refusal : undefined}
          />
        </div>
        <div className="col-lg-4">
          <section className="card shadow-sm" aria-labelledby="product-status-title">
            <div className="card-body">
              <h2 id="product-status-title" className="h5">
                {t('products.statusTitle')}
              </h2>
              <FormError error={statusRefusal?.error} />
              <p className="small text-body-secondary">{product.active ? t('products.deactivateHelp') : t('products.reactivateHelp')}</p>
              <ActiveToggle action={path} active={product.active} deactivateLabel={t('products.deactivate')} reactivateLabel={t('products.reactivate')} />
              <p className="small text-body-secondary mt-3 mb-2">{t('products.deleteHelp')}</p>
              <ConfirmAction
                action={path}
                intent="delete"
                label={t('products.delete')}
                question={t('products.deleteQuestion', { name: product.name })}
                confirmLabel={t('products.deleteConfirm')}
              />
            </div>
          </section>
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
