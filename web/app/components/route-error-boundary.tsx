import { isRouteErrorResponse, useRouteError } from '@remix-run/react'

import { ErrorPanel } from './error-panel'

function describe(error: unknown): { title: string; message: string } {
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      return { title: 'Page introuvable', message: "La page demandée n'existe pas ou a été déplacée." }
    }
    if (error.status === 403) {
      return { title: 'Accès refusé', message: "Vous n'avez pas accès à cette page." }
    }
    return {
      title: `Erreur ${error.status}`,
      message: typeof error.data === 'string' && error.data !== '' ? error.data : error.statusText,
    }
  }
  // Details of unexpected errors stay in the server logs, never on the page.
  return {
    title: 'Une erreur inattendue est survenue',
    message: 'Réessayez dans un instant. Si le problème persiste, contactez le soutien technique.',
  }
}

export function RouteErrorBoundary() {
  const { title, message } = describe(useRouteError())
  return (
    <ErrorPanel title={title}>
      <p>{message}</p>
    </ErrorPanel>
  )
}
