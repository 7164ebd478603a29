import type Store from '#stores/models/store'

export interface StoreWire {
  id: number
  nom: string
  adresse: string | null
  telephone: string | null
  email: string | null
}

export function storeToWire(store: Store): StoreWire {
  return {
    id: store.id,
    nom: store.name,
    adresse: store.address,
    telephone: store.phone,
    email: store.email,
  }
}
