import type Category from '#catalog/models/category'

export interface CategoryWire {
  id: number
  nom: string
  description: string | null
}

export function categoryToWire(category: Category): CategoryWire {
  return { id: category.id, nom: category.name, description: category.description }
}
