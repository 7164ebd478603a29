// What a list page's loader and action do around their own data access:
// keep out who may not see the list, read its filters from the URL, turn API
// failures into our error pages, and bring a form posted from the list back
// to the list as it was filtered.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import type { ApiClient } from './api/client.server.ts'
import type { Role, SessionUser } from './auth/roles.ts'
import { backTo } from './list-query.ts'
import { loading, mutation, requireRole, signedIn, type SignedIn } from './request.server.ts'

/**
 * The loader of a list page for `roles`: the page gets its filters (they
 * refill the filter form) and what `load` made of them.
 *
 *   export const loader = (args: LoaderFunctionArgs) => listLoader(args, MANAGER_ROLES, productFilters, loadProducts)
 */
export async function listLoader<Filters, Data extends object>(
  args: LoaderFunctionArgs,
  roles: readonly Role[],
  readFilters: (url: URL) => Filters,
  load: (api: ApiClient, filters: Filters, user: SessionUser) => Promise<Data>
): Promise<{ filters: Filters } & Data> {
  const { api, user } = await signedIn(args)
  requireRole(user, roles)
  const filters = readFilters(new URL(args.request.url))
  return loading(async () => ({ filters, ...(await load(api, filters, user)) }))
}

/**
 * A form posted from a list page for `roles` (CSRF checked by mutation()).
 * `run` redirects to `back` — the list as it was, filters and page kept,
 * without the `forget` parameters — or answers the refusal.
 */
export async function listAction<Result>(
  args: ActionFunctionArgs,
  roles: readonly Role[],
  run: (ctx: SignedIn & { form: FormData }, back: string) => Promise<Result>,
  { forget = [] }: { forget?: readonly string[] } = {}
): Promise<Result> {
  const ctx = await mutation(args)
  requireRole(ctx.user, roles)
  return loading(() => run(ctx, backTo(new URL(args.request.url), forget)))
}
