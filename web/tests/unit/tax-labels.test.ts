import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { formatRatePpm } from '../../app/lib/format.ts'
import { translator } from '../../app/lib/i18n/index.ts'
import { taxLabel, taxName } from '../../app/lib/pos/tax-labels.ts'
import { tsxSources } from '../support/app-sources.ts'

const NBSP = '\u00a0'
const fr = translator('fr')
const en = translator('en')
const tps = { code: 'TPS', label: 'TPS (5 %)', ratePpm: 50_000 }
const tvq = { code: 'TVQ', label: 'TVQ (9,975 %)', ratePpm: 99_750 }

describe('tax names follow the reader’s language', () => {
  test('the cart: TPS/TVQ in French, GST/QST in English, the rate written fr-CA in both', () => {
    assert.equal(taxLabel(fr, tps), `TPS (5${NBSP}%)`)
    assert.equal(taxLabel(fr, tvq), `TVQ (9,975${NBSP}%)`)
    assert.equal(taxLabel(en, tps), `GST (5${NBSP}%)`)
    assert.equal(taxLabel(en, tvq), `QST (9,975${NBSP}%)`)
  })

  test('the X/Z report: the API’s codes named for the reader', () => {
    assert.equal(taxName(fr, 'TPS'), 'TPS')
    assert.equal(taxName(en, 'TPS'), 'GST')
    assert.equal(taxName(en, 'TVQ'), 'QST')
  })

  test('a tax the dictionaries do not name keeps what the API says', () => {
    assert.equal(taxLabel(en, { code: 'TVH', label: 'TVH (13 %)', ratePpm: 130_000 }), 'TVH (13 %)')
    assert.equal(taxName(en, 'TVH'), 'TVH')
    // Not a dictionary lookup by any name: an object's own properties are not tax names.
    assert.equal(taxName(en, 'constructor'), 'constructor')
  })
})

describe('the pages that list taxes', () => {
  test('name them through tax-labels, never with the API’s French code or label as is', () => {
    const listing = tsxSources().filter(({ text }) => text.includes('taxes.map('))
    assert.ok(listing.length >= 3, `cart, X/Z report and receipt list taxes (found ${listing.map(({ file }) => file).join(', ')})`)
    for (const { file, text: source } of listing) {
      // As text (not as a React key, `key={tax.code}`).
      assert.doesNotMatch(source, /(?<!=)\{tax\.(?:code|label|libelle)\}/, `${file} shows a tax untranslated`)
      assert.match(source, /\btax(?:Label|Name)\(t,/, `${file} names its taxes with taxLabel/taxName`)
    }
  })
})

describe('formatRatePpm', () => {
  test('writes parts per million as a fr-CA percent', () => {
    assert.equal(formatRatePpm(50_000), `5${NBSP}%`)
    assert.equal(formatRatePpm(99_750), `9,975${NBSP}%`)
    assert.equal(formatRatePpm(130_000), `13${NBSP}%`)
    assert.equal(formatRatePpm(5), `0,0005${NBSP}%`)
  })
})
