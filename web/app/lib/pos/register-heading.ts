// What the pages of one register (closing, session report, returns) show above their content.
import { posPath, storeRegistersPath } from '../paths.ts'

export interface RegisterHeading {
  id: number
  nom: string
  storeId: number
  storeName: string
  /** An inactive register sells nothing: its POS page answers 404. */
  active: boolean
}

export function registerHeading(register: { id: number; nom: string; magasin_id: number; actif: boolean }, store: { nom: string }): RegisterHeading {
  return { id: register.id, nom: register.nom, storeId: register.magasin_id, storeName: store.nom, active: register.actif }
}

/** Where the register's name leads: its POS, or, when it no longer sells, its store's registers. */
export function registerHomePath(register: RegisterHeading): string {
  return register.active ? posPath(register.id) : storeRegistersPath(register.storeId)
}

/** Store › register › this page. */
export function registerCrumbs(register: RegisterHeading, page: string) {
  return [
    { label: register.storeName, to: storeRegistersPath(register.storeId) },
    { label: register.nom, to: registerHomePath(register) },
    { label: page },
  ]
}
