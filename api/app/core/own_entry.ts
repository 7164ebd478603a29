/**
 * A lookup table's entry for a key a client sent, or undefined. A plain `table[key]` also finds
 * what every object inherits: « constructor » or « __proto__ » as a sort field, a cache pattern
 * or a file name was a function, not a miss, and turned a 422 or 404 into a 500.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
