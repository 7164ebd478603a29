/* Events the sales module emits (declared for the typed emitter). */
declare module '@adonisjs/core/types' {
  interface EventsList {
    'stock:alert': { locationId: number; productId: number; quantity: number; reorderPoint: number }
  }
}
export {}
