import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False during the server render and without JavaScript; true once React runs in the browser.
 * A component mounted after hydration (a client-side navigation) is true from its first render:
 * with a useState + useEffect pair it would first render without its shortcuts, then with them,
 * and a test (or a quick clerk) acting on the new page could catch it in between.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false
  )
}
