import type { Store } from '~/lib/api-types'

export function StoreCard({ store }: { store: Pick<Store, 'nom' | 'adresse' | 'telephone'> }) {
  return (
    <div className="card h-100 shadow-sm">
      <div className="card-body">
        <h3 className="card-title h5">{store.nom}</h3>
        <p className="card-text mb-1">{store.adresse || 'Adresse non renseignée'}</p>
        <p className="card-text text-body-secondary">{store.telephone || 'Téléphone non renseigné'}</p>
      </div>
    </div>
  )
}
