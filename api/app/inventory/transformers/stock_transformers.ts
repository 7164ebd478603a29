import type StockMovement from '#inventory/models/stock_movement'
import type StockLevel from '#inventory/models/stock_level'
import type { LocationKind } from '#inventory/models/stock_location'
import { stockStatus, type StockStatus } from '#inventory/stock_status'
import { KIND_TO_WIRE, LOCATION_KIND_TO_WIRE, referenceTypeToWire } from '#inventory/wire_names'
import { instantToWire } from '#core/instants'

export interface LocationWire {
  type: string
  magasin_id: number | null
  nom: string
}

export interface ProductRefWire {
  id: number
  code: string
  nom: string
}

export interface MovementWire {
  id: number
  emplacement: LocationWire
  produit: ProductRefWire
  quantite: number
  solde_apres: number
  type: string
  reference: { type: string; id: number | null } | null
  motif: string | null
  utilisateur_id: number | null
  utilisateur: UserRefWire | null
  cree_le: string
}

/** Who did something, named (the id alone means nothing on a page). */
export interface UserRefWire {
  id: number
  nom: string
}

export interface LevelWire {
  emplacement: LocationWire
  produit: ProductRefWire
  quantite: number
  seuil_reappro: number
  statut: StockStatus
}

export function locationToWire(row: { kind: LocationKind; storeId: number | null; name: string }): LocationWire {
  return {
    type: LOCATION_KIND_TO_WIRE[row.kind],
    magasin_id: row.storeId === null ? null : Number(row.storeId),
    nom: row.name,
  }
}

/** A movement loaded by `movementsQuery()` (location and product columns in $extras). */
export function movementToWire(movement: StockMovement): MovementWire {
  const extras = movement.$extras
  return {
    id: Number(movement.id),
    emplacement: locationToWire({ kind: extras.location_kind, storeId: extras.location_store_id, name: extras.location_name }),
    produit: { id: movement.productId, code: extras.product_code, nom: extras.product_name },
    quantite: movement.quantityDelta,
    solde_apres: movement.balanceAfter,
    type: KIND_TO_WIRE[movement.kind],
    reference: movement.referenceType
      ? { type: referenceTypeToWire(movement.referenceType), id: movement.referenceId === null ? null : Number(movement.referenceId) }
      : null,
    motif: movement.reason,
    utilisateur_id: movement.userId,
    utilisateur: movement.userId === null ? null : { id: movement.userId, nom: extras.user_name },
    cree_le: instantToWire(movement.createdAt),
  }
}

/** A level loaded by `levelsQuery()` (location and product columns in $extras). */
export function levelToWire(level: StockLevel): LevelWire {
  const extras = level.$extras
  return {
    emplacement: locationToWire({ kind: extras.location_kind, storeId: extras.location_store_id, name: extras.location_name }),
    produit: { id: level.productId, code: extras.product_code, nom: extras.product_name },
    quantite: level.quantity,
    seuil_reappro: level.reorderPoint,
    statut: stockStatus(level.quantity, level.reorderPoint),
  }
}
