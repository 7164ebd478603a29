import db from '@adonisjs/lucid/services/db'
import { cached, cacheKey, Tags, TTL } from '#core/cache'
import { errors } from '@vinejs/vine'
import { ApiError } from '#core/api_error'
import type { TaxRate } from '#sales/taxes'

export interface RegisterContext {
  registerId: number
  registerNumber: number
  registerName: string
  storeId: number
  locationId: number
  taxRates: TaxRate[]
}

/**
 * Everything a sale needs to know about where it happens: the register,
 * its store, the store's stock location and its tax rates. An unknown or
 * inactive register named in a body is a field error on `caisse_id`; one
 * named in the path (`/registers/{id}/…`, field `id`) is a 404 when it does
 * not exist, like every other unknown id in a path. Read on every sale and
 * changed almost never, so cached; register and store writes invalidate the
 * stores tag. Whether a session is open is not part of it (the sale checks
 * that in its own statement).
 */
export async function loadRegisterContext(registerId: number, field = 'caisse_id'): Promise<RegisterContext> {
  return cached(cacheKey(`registers:${registerId}:context`), { ttl: TTL.catalog, tags: [Tags.stores] }, () =>
    readRegisterContext(registerId, field)
  )
}

async function readRegisterContext(registerId: number, field: string): Promise<RegisterContext> {
  const result = await db.rawQuery<{
    rows: {
      id: number
      number: number
      name: string
      store_id: number
      is_active: boolean
      location_id: number
      taxes: { code: string; label: string; rate_ppm: number; registration_number: string | null }[] | null
    }[]
  }>(
    `SELECT r.id, r.number, r.name, r.store_id, r.is_active, l.id AS location_id,
            (SELECT json_agg(json_build_object('code', t.code, 'label', t.label, 'rate_ppm', t.rate_ppm,
                                               'registration_number', t.registration_number) ORDER BY t.position, t.code)
               FROM store_tax_rates t WHERE t.store_id = r.store_id) AS taxes
       FROM registers r JOIN stock_locations l ON l.store_id = r.store_id
      WHERE r.id = ?`,
    [registerId]
  )
  const row = result.rows[0]
  if (!row && field === 'id') throw ApiError.notFound('Register', registerId)
  if (!row || !row.is_active) {
    throw new errors.E_VALIDATION_ERROR([
      { field, message: row ? `Register ${registerId} is inactive` : `Register ${registerId} does not exist`, rule: 'exists' },
    ])
  }
  return {
    registerId: row.id,
    registerNumber: row.number,
    registerName: row.name,
    storeId: row.store_id,
    locationId: row.location_id,
    taxRates: (row.taxes ?? []).map((t) => ({
      code: t.code,
      label: t.label,
      ratePpm: t.rate_ppm,
      registrationNumber: t.registration_number,
    })),
  }
}
