import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'

import { ProductForm } from '~/components/catalog/product-form'
import { EmptyState } from '~/components/empty-state'
import { PageHeader } from '~/components/page-header'
import { RouteErrorBoundary } from '~/components/route-error-boundary'
import { MANAGER_ROLES } from '~/lib/auth/roles'
import { categoryOptions, createProduct } from '~/lib/catalog/products.server'
import { newFormKey } from '~/lib/form-key.server'
import { PRODUCT_FIELDS, parseProduct } from '~/lib/forms/catalog'
import { apiRefusal, invalidForm } from '~/lib/forms/refusal.server'
import { echoFields, type FormRefusal } from '~/lib/forms/refusals'
import { pageTitle } from '~/lib/meta'
import { loading, mutation, redirectWithNotice, requireRole, signedIn } from '~/lib/request.server'
import { useT } from '~/lib/root-data'

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'products.newTitle') }]

export async function loader(args: LoaderFunctionArgs) {
  const { api, user } = await signedIn(args)
  requireRole(user, MANAGER_ROLES)
  return loading(async () => ({ categories: await categoryOptions(api), formKey: newFormKey() }))
}

export async function action(args: ActionFunctionArgs) {
  const { api, user, form, session } = await mutation(args)
  requireRole(user, MANAGER_ROLES)
  const values = echoFields(form, PRODUCT_FIELDS)
  const parsed = parseProduct(form, { creating: true })
  if (!parsed.ok) return invalidForm(parsed.errors, { intent: 'save', values })
  let created
  try {
    created = await createProduct(api, parsed.value, form)
  } catch (error) {
    return apiRefusal(error, PRODUCT_FIELDS, { intent: 'save', values })
  }
  return redirectWithNotice(`/produits/${created.id}`, session, {
    kind: 'success',
    message: { key: 'products.created', params: { name: created.nom, code: created.code } },
  })
}

export default function NewProductPage() {
  const { categories, formKey } = useLoaderData<typeof loader>()
  const refusal = useActionData<typeof action>() as FormRefusal | undefined
  const t = useT()
  return (
    <>
      <PageHeader
        title={t('products.newTitle')}
        crumbs={[
          { label: t('management.title'), to: '/gestion' },
          { label: t('products.title'), to: '/produits' },
          { label: t('products.newCrumb') },
        ]}
      />
      {categories.length === 0 ? (
        <EmptyState
          action={
            <Link className="btn btn-primary btn-sm" to="/categories">
              {t('categories.title')}
            </Link>
          }
        >
          {t('products.needsCategory')}
        </EmptyState>
      ) : (
        <ProductForm creating action="/produits/nouveau" categories={categories} values={{}} refusal={refusal} formKey={formKey} />
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />
}
