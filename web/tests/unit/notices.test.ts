// The confirmation notices that report quantities (the flash message after a
// stock request, a warehouse receipt, an adjustment, a replenishment step):
// their numbers read the fr-CA way, "1 000", in both languages; ids do not
// get grouped ("Demande n° 1234").
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { translate, type Lang } from '../../app/lib/i18n/index.ts'
import { adjustmentNotice, goodsReceivedNotice, reorderPointNotice, requestNotice, transitionNotice, type Notice } from '../../app/lib/notice.ts'

/** The notice as the banner shows it (NoticeBanner: the message translated), spaces as they are. */
function shown(notice: Notice, lang: Lang = 'fr'): string {
  return translate(lang, notice.message.key, notice.message.params)
}

const NBSP = '\u00a0'
const request = { id: 1234, quantite: 1000, produit: { nom: 'Pain' }, magasin: { nom: 'Magasin Nord' } }

describe('notices with a quantity of 1000 read "1 000"', () => {
  test('a store’s stock request', () => {
    assert.equal(shown(requestNotice('stock.requested', request)), `Demande n° 1234 envoyée : 1${NBSP}000 × Pain.`)
    assert.equal(shown(requestNotice('stock.requested', request), 'en'), `Request #1234 sent: 1${NBSP}000 × Pain.`)
  })

  test('a request created from a suggestion, and each step of a request', () => {
    assert.equal(shown(requestNotice('replenishments.created', request)), `Demande n° 1234 créée : 1${NBSP}000 × Pain pour Magasin Nord.`)
    assert.equal(
      shown(requestNotice('replenishments.done.approve', request)),
      `Demande n° 1234 validée : 1${NBSP}000 × Pain réservés dans le stock central.`
    )
    assert.match(shown(requestNotice('replenishments.done.receive', request)), new RegExp(`: 1${NBSP}000 × Pain ajoutés`))
    assert.match(shown(requestNotice('replenishments.done.receive', request), 'en'), new RegExp(`1${NBSP}000 × Pain`))
    assert.equal(requestNotice('replenishments.done.ship', request).kind, 'success')
  })

  test('goods received at the warehouse, with the new balance', () => {
    const notice = goodsReceivedNotice({ quantity: 1000, name: 'Pain', balance: 12500 })
    assert.equal(shown(notice), `Réception enregistrée : 1${NBSP}000 × Pain. Stock central : 12${NBSP}500.`)
    assert.match(shown(notice, 'en'), new RegExp(`1${NBSP}000 × Pain.*12${NBSP}500`))
  })

  test('a reorder point and an adjustment', () => {
    assert.equal(shown(reorderPointNotice('Pain', 1000)), `Seuil de Pain à l’entrepôt : 1${NBSP}000.`)
    assert.equal(shown(reorderPointNotice('Pain', 12, 'Magasin Nord')), 'Seuil de Pain — Magasin Nord : 12.')
    assert.equal(shown(reorderPointNotice('Pain', 12, 'Magasin Nord'), 'en'), 'Reorder point of Pain — Magasin Nord: 12.')
    assert.equal(shown(adjustmentNotice('Pain', 1000)), `Ajustement enregistré pour Pain. Nouveau solde : 1${NBSP}000.`)
    assert.match(shown(adjustmentNotice('Pain', 1000), 'en'), new RegExp(`1${NBSP}000`))
  })

  test('small numbers and ids are left as they are', () => {
    assert.equal(shown(requestNotice('stock.requested', { ...request, id: 7, quantite: 24 })), 'Demande n° 7 envoyée : 24 × Pain.')
  })
})

describe('a step taken on a request', () => {
  test('from the list, the notice links the request (it may have left the filtered list)', () => {
    const notice = transitionNotice('approve', request, '/reapprovisionnements?statut=en_attente')
    assert.equal(notice.link?.to, '/reapprovisionnements/1234')
    assert.equal(translate('fr', notice.link!.label.key, notice.link!.label.params), 'Voir la demande n° 1234')
    assert.equal(notice.focus, true)
  })

  test('on the request’s own page, no link to itself', () => {
    assert.equal(transitionNotice('ship', request, '/reapprovisionnements/1234').link, undefined)
  })
})
