import { test } from '@japa/runner'
import {
  REGISTER_SESSION_METRIC_ACTIONS,
  REPLENISHMENT_METRIC_ACTIONS,
  initialiseKnownSeries,
  registerSessionsTotal,
  replenishmentTransitionsTotal,
} from '#core/metrics'
import { REPLENISHMENT_ACTIONS } from '#inventory/replenishment_state'

/*
 * A counter series born at 1 by its first event loses that event in Prometheus (increase() needs
 * two samples): the series with a closed list of labels must exist at 0 before any event.
 */
test.group('metrics: series that exist before their first event', () => {
  test('every replenishment action and register session action has a series at 0', async ({ assert }) => {
    // As when the process starts: no event recorded yet.
    replenishmentTransitionsTotal.reset()
    registerSessionsTotal.reset()
    initialiseKnownSeries()

    const replenishment = (await replenishmentTransitionsTotal.get()).values
    assert.sameMembers(
      replenishment.map((v) => v.labels.action),
      ['request', ...REPLENISHMENT_ACTIONS]
    )
    assert.isTrue(replenishment.every((v) => v.value === 0))
    const sessions = (await registerSessionsTotal.get()).values
    assert.sameMembers(
      sessions.map((v) => v.labels.action),
      ['open', 'close']
    )
    assert.isTrue(sessions.every((v) => v.value === 0))
  })

  test('the metric lists name every action the state machine has', ({ assert }) => {
    assert.sameMembers([...REPLENISHMENT_METRIC_ACTIONS], ['request', ...REPLENISHMENT_ACTIONS])
    assert.sameMembers([...REGISTER_SESSION_METRIC_ACTIONS], ['open', 'close'])
  })
})
