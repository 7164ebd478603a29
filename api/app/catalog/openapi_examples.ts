import { ApiError } from '#core/api_error'
import { errorResponse } from '#core/openapi/errors'
import { deactivateInstead } from '#catalog/actions/delete_product'
import { productTaken } from '#catalog/services/product_integrity'

/* OpenAPI examples of the catalogue: the reference data's products and categories. */

const pain = {
  id: 1,
  code: 'ALI001',
  nom: 'Pain',
  description: 'Baguette tradition',
  prix: '1.20',
  quantite_stock: 539,
  categorie_id: 1,
  code_barre: '0061234500011',
  actif: true,
}

const painHolds = { id: pain.id, code: pain.code, nom: pain.nom }
const DUPLICATE_PRODUCT = 'code or code_barre already used (DUPLICATE_RESOURCE; details.existing is the product that has it: id, code, nom)'

export const catalogExamples: Record<string, unknown> = {
  Product: pain,
  Category: { id: 1, nom: 'Alimentaire', description: 'Produits alimentaires de base' },
}

export const catalogBodyExamples = {
  createProduct: { nom: 'Riz basmati', description: 'Sac de 1 kg', prix: '3.49', categorie_id: 1, quantite_stock: 200 },
  patchProduct: { prix: '1.25', code_barre: '0061234500011' },
  createCategory: { nom: 'Surgelés', description: 'Produits congelés' },
  patchCategory: { description: 'Produits alimentaires de base et épicerie sèche' },
}

/* The errors of the catalogue routes, as the actions raise them. */
export const catalogErrors = {
  productNotFound: errorResponse('No product with this id', ApiError.notFound('Product', 42)),
  productCodeNotFound: errorResponse('No product with this code', ApiError.notFound('Product', 'ALI001')),
  productDuplicate: errorResponse(
    DUPLICATE_PRODUCT,
    productTaken('code', 'ali001', painHolds),
    productTaken('code_barre', pain.code_barre, painHolds)
  ),
  productCreationConflict: errorResponse(
    `${DUPLICATE_PRODUCT}, or the Idempotency-Key was used with another body (IDEMPOTENCY_CONFLICT)`,
    productTaken('code', 'ali001', painHolds),
    productTaken('code_barre', pain.code_barre, painHolds),
    ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for a different product', {
      idempotency_key: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
    })
  ),
  productInUse: errorResponse(
    'The product has sales, stock movements or requests (RESOURCE_IN_USE)',
    ApiError.inUse('Product', 42, ['sales', 'stock movements'], deactivateInstead(42))
  ),
  warehouseShort: errorResponse(
    'Not enough stock at the warehouse (INSUFFICIENT_STOCK), or the Idempotency-Key was used for another reduction ' +
      '(IDEMPOTENCY_CONFLICT); nothing changed',
    ApiError.conflict('INSUFFICIENT_STOCK', 'Not enough stock for Pain', {
      emplacement: { type: 'entrepot', magasin_id: null, nom: 'Entrepôt central' },
      items: [{ product_id: 1, product: 'Pain', requested: 600, available: 539 }],
    }),
    ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for a different stock reduction', {
      idempotency_key: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
    })
  ),
  categoryNotFound: errorResponse('No category with this id', ApiError.notFound('Category', 42)),
  categoryDuplicate: errorResponse('Name already used', ApiError.duplicate('Category', 'nom', 'Boissons')),
  categoryCreationConflict: errorResponse(
    'Name already used (DUPLICATE_RESOURCE), or the Idempotency-Key was used with another body (IDEMPOTENCY_CONFLICT)',
    ApiError.duplicate('Category', 'nom', 'Boissons'),
    ApiError.conflict('IDEMPOTENCY_CONFLICT', 'This Idempotency-Key was already used for a different category', {
      idempotency_key: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
    })
  ),
  categoryInUse: errorResponse('Products use this category (RESOURCE_IN_USE)', ApiError.inUse('Category', 42, ['products'])),
}
