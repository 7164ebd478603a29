import { PassThrough } from 'node:stream'

import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer, isRouteErrorResponse } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'

import { describeError, logError } from '~/lib/log.server'
import { NonceProvider } from '~/lib/nonce'

const ABORT_DELAY_MS = 5_000

/**
 * Pages and their data show sales, stock and accounts, and carry the session's CSRF token: on a
 * register shared by several clerks nothing of them may stay in the browser's cache (nor its
 * back/forward cache) once someone signed out. A route that says otherwise keeps its own.
 */
function notStored(headers: Headers) {
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store')
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  notStored(response.headers)
  return response
}

// Needed (instead of Remix's default entry) to put the CSP nonce on every
// inline script React and Remix emit.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext
) {
  const nonce = loadContext.cspNonce
  // Crawlers get the whole document at once; browsers get it streamed.
  const waitForAllContent = isbot(request.headers.get('user-agent')) || remixContext.isSpaMode

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const startStreaming = () => {
      shellRendered = true
      const body = new PassThrough()
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
      notStored(responseHeaders)
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        })
      )
      pipe(body)
    }

    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY_MS}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        onAllReady: waitForAllContent ? startStreaming : undefined,
        onShellReady: waitForAllContent ? undefined : startStreaming,
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors before the shell is ready reject above and Remix logs them.
          if (shellRendered) {
            logError('render_error', { request_id: loadContext.requestId, ...describeError(error) })
          }
        },
      }
    )
    setTimeout(abort, ABORT_DELAY_MS + 1_000)
  })
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // Aborted requests (client navigated away) and thrown responses such as 404s
  // are expected outcomes, not failures worth an error line.
  if (request.signal.aborted || isRouteErrorResponse(error)) return
  logError('unhandled_error', {
    request_id: context.requestId,
    path: new URL(request.url).pathname,
    ...describeError(error),
  })
}
