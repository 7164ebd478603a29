import db from '@adonisjs/lucid/services/db'

/**
 * The code and name a sale line was sold under (kept from migration 0013 on),
 * else today's for older lines. Needs `products` joined on the line.
 */
export function soldCodeAndName() {
  return [
    db.raw('COALESCE(sale_lines.product_code, products.code) AS code'),
    db.raw('COALESCE(sale_lines.product_name, products.name) AS name'),
  ]
}
