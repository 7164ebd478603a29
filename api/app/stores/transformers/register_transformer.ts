import type Register from '#stores/models/register'

export interface RegisterWire {
  id: number
  magasin_id: number
  numero: number
  nom: string
  actif: boolean
}

/** The original's `caisses` names: numero, nom, magasin_id. */
export function registerToWire(register: Register): RegisterWire {
  return {
    id: register.id,
    magasin_id: register.storeId,
    numero: register.number,
    nom: register.name,
    actif: register.isActive,
  }
}
