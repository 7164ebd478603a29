import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Register from '#stores/models/register'
import { ApiError } from '#core/api_error'
import { violatedUniqueConstraint } from '#core/db_errors'
import { lockStore } from '#stores/services/store_integrity'
import { MAX_REGISTER_NUMBER } from '#stores/validators/register_validators'
import { invalidateAfterCommit, Tags } from '#core/cache'
import type { IdempotencyKey } from '#core/idempotency'
import { madeOrCurrent, writeIdempotently, type IdempotentOperation } from '#core/idempotent_writes'

const CREATIONS: IdempotentOperation = { name: 'register_creation', resource: 'register' }

/**
 * Adds a register to a store. Numbers are unique per store; without one the
 * next free number is used. The store row lock serialises two additions to
 * the same store so "next number" is never handed out twice — which is
 * also why a retry (same Idempotency-Key) must answer with the first
 * register instead of adding another under the next number.
 */
export async function createRegister(
  storeId: number,
  input: { number?: number; name?: string; isActive?: boolean },
  idempotencyKey: IdempotencyKey | null = null
): Promise<{ register: Register; replayed: boolean }> {
  let outcome
  try {
    outcome = await writeIdempotently(CREATIONS, idempotencyKey, { storeId, ...input }, async (trx) => {
      invalidateAfterCommit(trx, [Tags.stores])
      await lockStore(trx, storeId, 'noKeyUpdate')
      const number = input.number ?? (await nextRegisterNumber(storeId, trx))
      const taken = await trx.from('registers').where({ store_id: storeId, number }).select('id').first()
      if (taken) throw ApiError.duplicate('Register', 'numero', number)
      const register = await Register.create(
        { storeId, number, name: input.name ?? `Caisse ${number}`, isActive: input.isActive ?? true },
        { client: trx }
      )
      return { stored: { register_id: register.id }, fresh: register }
    })
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'registers_store_id_number_unique') {
      throw ApiError.duplicate('Register', 'numero', input.number)
    }
    throw error
  }
  const { made, replayed } = await madeOrCurrent(outcome, (s) => Register.find(s.register_id), (s) => ApiError.notFound('Register', s.register_id))
  return { register: made, replayed }
}

async function nextRegisterNumber(storeId: number, trx: TransactionClientContract) {
  const row = await trx.from('registers').where('store_id', storeId).max('number as last').first()
  const next = Number(row?.last ?? 0) + 1
  if (next > MAX_REGISTER_NUMBER) {
    throw ApiError.business(`Store ${storeId} already has register number ${MAX_REGISTER_NUMBER}; give a free numero`)
  }
  return next
}
