import db from '@adonisjs/lucid/services/db'

export interface RegisterDetailWire {
  id: number
  magasin_id: number
  numero: number
  nom: string
  actif: boolean
  magasin: { id: number; nom: string }
  session_ouverte: boolean
  session: { id: number; ouverte_le: string } | null
}

/** A register with its store and its open drawer session (one per register at most), or null. */
export async function registerDetail(id: number): Promise<RegisterDetailWire | null> {
  const result = await db.rawQuery<{
    rows: {
      id: number
      store_id: number
      number: number
      name: string
      is_active: boolean
      store_name: string
      session_id: number | null
      opened_at: Date | null
    }[]
  }>(
    `SELECT r.id, r.store_id, r.number, r.name, r.is_active, s.name AS store_name, rs.id AS session_id, rs.opened_at
       FROM registers r
       JOIN stores s ON s.id = r.store_id
       LEFT JOIN register_sessions rs ON rs.register_id = r.id AND rs.closed_at IS NULL
      WHERE r.id = ?`,
    [id]
  )
  const row = result.rows[0]
  if (!row) return null
  return {
    id: row.id,
    magasin_id: row.store_id,
    numero: row.number,
    nom: row.name,
    actif: row.is_active,
    magasin: { id: row.store_id, nom: row.store_name },
    session_ouverte: row.session_id !== null,
    session: row.session_id === null ? null : { id: Number(row.session_id), ouverte_le: row.opened_at!.toISOString() },
  }
}
