// What server.js's getLoadContext hands to every loader and action.
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Id of the incoming request, forwarded to the API as X-Request-Id. */
    requestId: string
    /** Per-request CSP nonce for the inline scripts Remix renders. */
    cspNonce: string
    /** The browser's IP address, forwarded to the API (its login and password-change limits, its logs). */
    clientIp: string
  }
}

export {}
