import { createContext, useContext, type ReactNode } from 'react'

// Browsers hide nonce attributes from the DOM, so on the client this is ''.
const NonceContext = createContext('')

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>
}

export function useNonce(): string {
  return useContext(NonceContext)
}
