import type { MovementKind } from '#inventory/models/stock_movement'
import type { LocationKind } from '#inventory/models/stock_location'

/*
 * English names in code and in the database, French on the wire (ADR 4):
 * the one mapping for the inventory module's enumerations.
 */
export const KIND_TO_WIRE: Record<MovementKind, string> = {
  sale: 'vente',
  return: 'retour',
  replenishment_out: 'reappro_sortie',
  replenishment_in: 'reappro_entree',
  adjustment: 'ajustement',
  receipt: 'reception',
}
export const WIRE_KINDS = Object.values(KIND_TO_WIRE)

export function kindFromWire(wire: string): MovementKind {
  const entry = Object.entries(KIND_TO_WIRE).find(([, name]) => name === wire)
  if (!entry) throw new Error(`Unknown movement kind ${wire}`)
  return entry[0] as MovementKind
}

export const LOCATION_KIND_TO_WIRE: Record<LocationKind, string> = { store: 'magasin', warehouse: 'entrepot' }

/** What a movement points at (`reference_type`); unknown types pass through unchanged. */
const REFERENCE_TYPE_TO_WIRE: Record<string, string> = {
  sale: 'vente',
  return: 'retour',
  replenishment_request: 'demande_reappro',
}

/** The reference types a movement filter may name: `vente`, `retour`, `demande_reappro`. */
export const WIRE_REFERENCE_TYPES = Object.values(REFERENCE_TYPE_TO_WIRE)

export function referenceTypeToWire(type: string): string {
  return REFERENCE_TYPE_TO_WIRE[type] ?? type
}

export function referenceTypeFromWire(wire: string): string {
  return Object.entries(REFERENCE_TYPE_TO_WIRE).find(([, name]) => name === wire)?.[0] ?? wire
}
