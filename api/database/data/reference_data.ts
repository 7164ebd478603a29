/*
 * The original system's reference data (seed-spec §1.2), reproduced exactly:
 * five stores, four categories, thirteen products. Prices are in cents.
 */
export const STORES = [
  { name: 'Magasin Centre-Ville', address: '123 Rue Principale', phone: '514-555-0001', email: 'centre@magasin.com' },
  { name: 'Magasin Banlieue', address: '456 Avenue des Érables', phone: '514-555-0002', email: 'banlieue@magasin.com' },
  { name: 'Magasin Nord', address: '789 Boulevard Nord', phone: '514-555-0003', email: 'nord@magasin.com' },
  { name: 'Magasin Sud', address: '321 Rue du Sud', phone: '514-555-0004', email: 'sud@magasin.com' },
  { name: 'Magasin Express', address: '654 Avenue Express', phone: '514-555-0005', email: 'express@magasin.com' },
] as const

export const CATEGORIES = [
  { name: 'Alimentaire', description: 'Produits alimentaires de base' },
  { name: 'Boissons', description: 'Boissons diverses' },
  { name: 'Hygiène', description: "Produits d'hygiène personnelle" },
  { name: 'Ménage', description: "Produits d'entretien ménager" },
] as const

export const PRODUCTS = [
  { code: 'ALI001', name: 'Pain', description: 'Baguette tradition', priceCents: 120, category: 'Alimentaire' },
  { code: 'ALI002', name: 'Lait', description: 'Lait demi-écrémé 1L', priceCents: 110, category: 'Alimentaire' },
  { code: 'ALI003', name: 'Oeufs', description: 'Boîte de 6 oeufs', priceCents: 230, category: 'Alimentaire' },
  { code: 'ALI004', name: 'Fromage', description: 'Emmental râpé 200g', priceCents: 250, category: 'Alimentaire' },
  { code: 'ALI005', name: 'Pâtes', description: 'Spaghetti 500g', priceCents: 95, category: 'Alimentaire' },
  { code: 'BOI001', name: 'Eau minérale', description: 'Bouteille 1.5L', priceCents: 70, category: 'Boissons' },
  { code: 'BOI002', name: "Jus d'orange", description: 'Pur jus 1L', priceCents: 190, category: 'Boissons' },
  { code: 'BOI003', name: 'Soda cola', description: 'Bouteille 2L', priceCents: 180, category: 'Boissons' },
  { code: 'HYG001', name: 'Shampooing', description: 'Flacon 250ml', priceCents: 350, category: 'Hygiène' },
  { code: 'HYG002', name: 'Savon', description: 'Pain de savon 100g', priceCents: 120, category: 'Hygiène' },
  { code: 'HYG003', name: 'Dentifrice', description: 'Tube 75ml', priceCents: 280, category: 'Hygiène' },
  { code: 'MEN001', name: 'Liquide vaisselle', description: 'Flacon 500ml', priceCents: 210, category: 'Ménage' },
  { code: 'MEN002', name: 'Nettoyant sol', description: 'Bouteille 1L', priceCents: 320, category: 'Ménage' },
] as const

export const REGISTERS_PER_STORE = 3

export const WAREHOUSE_NAME = 'Entrepôt central'

/* Quebec sales taxes, both computed on the pre-tax subtotal. */
export const TAXES = [
  { code: 'TPS', label: 'TPS (5 %)', ratePpm: 50_000, position: 1 },
  { code: 'TVQ', label: 'TVQ (9,975 %)', ratePpm: 99_750, position: 2 },
] as const

/* The original's random ranges, drawn from a seeded generator so every seed is identical. */
export const STORE_STOCK_RANGE = { quantity: [20, 100], reorderPoint: [10, 20] } as const
export const WAREHOUSE_STOCK_RANGE = { quantity: [500, 2000], reorderPoint: [100, 200] } as const
