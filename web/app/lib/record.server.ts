// The page of one managed record (/produits/7, /categories/3, /utilisateurs/2):
// a role guard first, then the record's id from the URL — a bad or unknown id
// is a 404 page (the original's edit pages answered 500).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import type { ApiClient } from './api/client.server.ts'
import type { Role } from './auth/roles.ts'
import { idParam, loading, mutation, requireRole, signedIn, type SignedIn } from './request.server.ts'

export async function loadRecord<T>(args: LoaderFunctionArgs, roles: readonly Role[], load: (api: ApiClient, id: number) => Promise<T>): Promise<T> {
  const { api, user } = await signedIn(args)
  requireRole(user, roles)
  const id = idParam(args.params.id)
  return loading(() => load(api, id))
}

/** mutation() for a record's page: CSRF checked, role checked, and the record's id. */
export async function recordMutation(args: ActionFunctionArgs, roles: readonly Role[]): Promise<SignedIn & { form: FormData; id: number }> {
  const signed = await mutation(args)
  requireRole(signed.user, roles)
  return { ...signed, id: idParam(args.params.id) }
}
