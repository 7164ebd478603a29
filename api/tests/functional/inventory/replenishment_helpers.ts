import type { ApiClient } from '@japa/api-client'
import { signedIn, type Actor } from '#tests/helpers/actors'
import { ledgerAndLevel, locationOfStore, warehouseLocation } from '#tests/helpers/database'

/* Shared by the replenishment specs. */

export type { Actor }

/** Who the workflow needs: a clerk of store 1 (asks, receives) and a manager (approves, ships). */
export async function clerkAndManager() {
  return { clerk: await signedIn('clerk', 1), manager: await signedIn('manager') }
}

export async function createRequest(client: ApiClient, actor: Actor, body: Record<string, unknown> = {}) {
  const response = await client
    .post('/api/v1/replenishments')
    .header('x-api-token', actor.token)
    .json({ magasin_id: 1, produit_id: 2, quantite: 30, ...body })
  response.assertStatus(201)
  return response.body()
}

export function act(client: ApiClient, actor: Actor | string, id: number | string, action: string, body?: Record<string, unknown>) {
  const request = client.post(`/api/v1/replenishments/${id}/${action}`).header('x-api-token', typeof actor === 'string' ? actor : actor.token)
  return body ? request.json(body) : request
}

/** Warehouse and store-1 ledger/level for the product the tests move (ALI002). */
export async function snapshot() {
  return {
    warehouse: await ledgerAndLevel(await warehouseLocation(), 2),
    store: await ledgerAndLevel(await locationOfStore(1), 2),
  }
}

