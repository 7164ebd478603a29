// Hand-written wire shapes until the client is generated from the API's OpenAPI document.

export interface Paginated<T> {
  total: number
  page: number
  size: number
  items: T[]
}

export interface Store {
  id: number
  nom: string
  adresse: string | null
  telephone: string | null
  email: string | null
}

/** The API's error envelope, returned with every non-2xx response. */
export interface ApiErrorEnvelope {
  timestamp: string
  status: number
  error: string
  message: string
  path: string
  error_code: string
  details?: unknown
}
