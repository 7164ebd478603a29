import { ApiError } from '#core/api_error'
import { errorResponse, missingScope, otherStore } from '#core/openapi/errors'

/* OpenAPI examples of the stores module: Magasin Centre-Ville, its register 2 and its stock. */

const store = {
  id: 1,
  nom: 'Magasin Centre-Ville',
  adresse: '123 Rue Principale',
  telephone: '514-555-0001',
  email: 'centre@magasin.com',
}
const register = { id: 2, magasin_id: 1, numero: 2, nom: 'Caisse 2', actif: true }

export const storesExamples: Record<string, unknown> = {
  Store: store,
  StoreDetail: {
    ...store,
    taxes: [
      { code: 'TPS', libelle: 'TPS (5 %)', taux: '5.000', numero_enregistrement: '113809034 RT0001' },
      { code: 'TVQ', libelle: 'TVQ (9,975 %)', taux: '9.975', numero_enregistrement: '6336222930 TQ0001' },
    ],
  },
  Register: register,
  RegisterDetail: {
    ...register,
    magasin: { id: 1, nom: 'Magasin Centre-Ville' },
    session_ouverte: true,
    session: { id: 311, ouverte_le: '2026-11-24T12:58:41.310Z' },
  },
  StoreStockItem: {
    produit_id: 2,
    code: 'ALI002',
    nom: 'Lait',
    prix: '1.10',
    actif: true,
    quantite: 7,
    seuil_reappro: 15,
    statut: 'critique',
    demande_en_cours: { id: 57, quantite: 40, statut: 'validee', demande_le: '2026-11-24T14:02:11.000Z' },
  },
}

export const storesBodyExamples = {
  createStore: { nom: 'Magasin Ouest', adresse: '12 Rue de l’Ouest', telephone: '514-555-0006', email: 'ouest@magasin.com' },
  patchStore: { telephone: '514-555-0016' },
  updateContact: { telephone: '514-555-0016', email: 'ouest@magasin.com' },
  createRegister: { nom: 'Caisse libre-service', actif: true },
}

/* The errors of the stores routes, as the controllers and actions raise them. */
export const storesErrors = {
  storeNotFound: errorResponse('No store with this id', ApiError.notFound('Store', 42)),
  storeNameNotFound: errorResponse('No store with this name', ApiError.notFound('Store', 'Magasin Centre-Ville')),
  registerNotFound: errorResponse('No register with this id', ApiError.notFound('Register', 42)),
  storeDuplicate: errorResponse('Name already used', ApiError.duplicate('Store', 'nom', 'Magasin Nord')),
  storeCreationConflict: errorResponse(
    'Name already used (DUPLICATE_RESOURCE), or the Idempotency-Key was used with another body (IDEMPOTENCY_CONFLICT)',
    ApiError.duplicate('Store', 'nom', 'Magasin Nord'),
    ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for a different store', {
      idempotency_key: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
    })
  ),
  storeInUse: errorResponse(
    'The store is in use (RESOURCE_IN_USE)',
    ApiError.inUse('Store', 42, ['registers', 'sales', 'stock'])
  ),
  registerDuplicate: errorResponse(
    'This store already has a register with this numero, or the Idempotency-Key was used with another body',
    ApiError.duplicate('Register', 'numero', 2),
    ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for a different register', {
      idempotency_key: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
    })
  ),
  clerkOtherStore: errorResponse('The token lacks the read scope, or a clerk reads another store', missingScope(['read']), otherStore),
}
