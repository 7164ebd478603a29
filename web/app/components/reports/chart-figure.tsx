import { Suspense, lazy, useEffect, useRef, type ReactNode, type RefObject } from 'react'

import { useHydrated } from '~/lib/hydrated'
import { useT } from '~/lib/root-data'

import type { ChartSpec } from './charts.client'

const ReportChart = lazy(() => import('./charts.client'))

/**
 * A chart with its caption and its figures. The server (and a browser
 * without JavaScript) renders the caption and the data table; once React
 * runs, the chart is drawn above the table. The first browser render is the
 * server's, so hydration matches, and the chart comes one render later.
 * `collapsed`: with the chart drawn, the table folds into "Voir les
 * données" (the dashboard); otherwise it stays open (the reports page).
 */
export function ChartFigure({
  id,
  title,
  summary,
  chart,
  collapsed = false,
  children,
}: {
  id: string
  title: ReactNode
  summary?: ReactNode
  /** null: nothing to draw (the children say why). */
  chart: ChartSpec | null
  collapsed?: boolean
  children: ReactNode
}) {
  const t = useT()
  const hydrated = useHydrated()
  const drawn = hydrated && chart !== null
  const drawing = useRef<HTMLDivElement>(null)
  useNoTabStops(drawing, drawn)
  return (
    <figure className="card shadow-sm h-100 mb-0" id={id} data-testid={id}>
      <div className="card-body">
        <figcaption className="mb-2">
          <h2 className="h5 mb-1">{title}</h2>
          {summary ? <p className="small text-body-secondary mb-0">{summary}</p> : null}
        </figcaption>
        {drawn ? (
          // The chart repeats the table below for the eyes; screen readers read the table.
          <div className="report-chart" aria-hidden="true" ref={drawing}>
            <Suspense fallback={<div className="report-chart-loading" />}>
              <ReportChart spec={chart} />
            </Suspense>
          </div>
        ) : null}
        {collapsed && chart !== null ? (
          <details className="report-data" open={!drawn}>
            <summary className="small">{t('reports.showData')}</summary>
            {children}
          </details>
        ) : (
          children
        )}
      </div>
    </figure>
  )
}

/**
 * Chromium gives recharts' layer groups (<g>) a tab stop, accessibility layer off or not: inside a
 * chart hidden from screen readers, a keyboard user would tab through invisible stops. Each part
 * the chart draws, now or later, is taken out of the tab order; the mouse keeps its tooltips.
 */
function useNoTabStops(container: RefObject<HTMLDivElement | null>, drawn: boolean) {
  useEffect(() => {
    const root = container.current
    if (!drawn || !root) return
    const untab = () => {
      for (const element of root.querySelectorAll('svg, g, [tabindex]')) {
        if (element.getAttribute('tabindex') !== '-1') element.setAttribute('tabindex', '-1')
      }
    }
    untab()
    const observer = new MutationObserver(untab)
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex'] })
    return () => observer.disconnect()
  }, [container, drawn])
}
