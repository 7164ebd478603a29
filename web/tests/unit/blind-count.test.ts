import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import type { SessionReportWire } from '../../app/lib/api/wire.ts'
import { translator } from '../../app/lib/i18n/index.ts'
import { isBlind, refusalFor, sessionReportFor } from '../../app/lib/pos/blind-count.ts'

// An X report whose every amount is distinct, so a leaked one is found by its value.
function session(statut: 'ouverte' | 'fermee'): SessionReportWire {
  return {
    id: 12,
    caisse_id: 4,
    statut,
    ouverte_par: 3,
    ouverte_le: '2026-12-07T13:00:00.000Z',
    fond_de_caisse: '100.00',
    fermee_par: statut === 'fermee' ? 3 : null,
    fermee_le: statut === 'fermee' ? '2026-12-07T21:00:00.000Z' : null,
    note: null,
    rapport: {
      type: statut === 'fermee' ? 'Z' : 'X',
      ventes: { nombre: 7, sous_total: '211.11', taxes: [{ code: 'TPS', montant: '10.56' }], total: '242.72', arrondi_especes: '-0.02' },
      paiements: [
        { mode: 'especes', montant: '142.70' },
        { mode: 'carte', montant: '100.00' },
      ],
      retours: { nombre: 2, total: '33.33', especes: '13.33', arrondi_especes: '0.02', par_mode: [{ mode: 'especes', montant: '13.33' }] },
      especes_attendues: '229.37',
      especes_comptees: statut === 'fermee' ? '229.35' : null,
      ecart: statut === 'fermee' ? '-0.02' : null,
    },
  } as SessionReportWire
}

describe('a clerk counts the drawer blind', () => {
  test('an open session seen by a clerk keeps its counts and float, and no other amount', () => {
    const view = sessionReportFor({ role: 'clerk' }, session('ouverte'))
    assert.ok(isBlind(view))
    assert.deepEqual(view, {
      blind: true,
      id: 12,
      statut: 'ouverte',
      ouverte_le: '2026-12-07T13:00:00.000Z',
      fond_de_caisse: '100.00',
      note: null,
      salesCount: 7,
      returnsCount: 2,
    })
    const sent = JSON.stringify(view)
    for (const amount of ['211.11', '242.72', '142.70', '33.33', '13.33', '229.37', '10.56']) {
      assert.ok(!sent.includes(amount), `${amount} is not sent`)
    }
  })

  test('what the API answers a clerk (its counts only) becomes the same blind report; without a report at all, an error', () => {
    const { rapport: _rapport, ...summary } = session('ouverte')
    const fromApi = { ...summary, rapport_aveugle: { type: 'X' as const, ventes: { nombre: 7 }, retours: { nombre: 2 } } }
    assert.deepEqual(sessionReportFor({ role: 'clerk' }, fromApi), sessionReportFor({ role: 'clerk' }, session('ouverte')))
    assert.throws(() => sessionReportFor({ role: 'manager' }, fromApi), /came without its report/)
    assert.throws(() => sessionReportFor({ role: 'clerk' }, summary), /came without its report/)
  })

  test('managers and administrators see the full X report', () => {
    for (const role of ['manager', 'admin'] as const) {
      const full = session('ouverte')
      const view = sessionReportFor({ role }, full)
      assert.equal(isBlind(view), false)
      assert.equal(view, full)
    }
  })

  test('once closed, the clerk sees the whole Z report: expected, counted, variance', () => {
    const closed = session('fermee')
    const view = sessionReportFor({ role: 'clerk' }, closed)
    assert.equal(isBlind(view), false)
    assert.equal(view, closed)
  })
})

describe('a cash refund larger than the drawer', () => {
  const refusal = { key: 'api.insufficientCash' as const, params: { drawer: '12,40 $', refund: '30,00 $' } }

  test('tells a clerk the drawer lacks the refund, not what it holds', () => {
    const message = refusalFor({ role: 'clerk' }, refusal)
    assert.deepEqual(message, { key: 'api.insufficientCashBlind', params: { refund: '30,00 $' } })
    assert.ok(!translator('fr')(message.key, message.params).includes('12,40'))
    assert.match(translator('fr')(message.key, message.params), /30,00 \$/)
  })

  test('tells a manager what the drawer holds; other refusals pass unchanged for everyone', () => {
    assert.equal(refusalFor({ role: 'manager' }, refusal), refusal)
    const other = { key: 'api.registerClosed' as const }
    assert.equal(refusalFor({ role: 'clerk' }, other), other)
  })
})
