import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { BASELINE_FIELD, conflictRefusal, fieldsToSave, mergeEdit, readBaseline } from '../../app/lib/forms/edit-merge.ts'

const FIELDS = ['nom', 'prix', 'description']
const price = { prix: (value: string) => value.replace('.', ',') }

describe('two tabs editing one record', () => {
  test('only what this form changed is saved: a price set in another tab stays', () => {
    const before = { nom: 'Café', prix: '3,50', description: '' }
    const current = { nom: 'Café', prix: '4,25', description: '' }
    const submitted = { nom: 'Café renommé', prix: '3,50', description: '' }
    assert.deepEqual(mergeEdit(FIELDS, { before, submitted, current }, price), { changed: ['nom'], conflicts: [] })
  })

  test('the same field changed both ways is a conflict; changed to the same value is not', () => {
    const before = { nom: 'Café', prix: '3,50', description: '' }
    const current = { nom: 'Café', prix: '4,25', description: 'Bio' }
    assert.deepEqual(mergeEdit(FIELDS, { before, submitted: { ...before, prix: '3,75' }, current }, price), { changed: ['prix'], conflicts: ['prix'] })
    assert.deepEqual(mergeEdit(FIELDS, { before, submitted: { ...before, prix: '4.25' }, current }, price), { changed: ['prix'], conflicts: [] })
  })

  test('spaces around a value and its Unicode form are not a change', () => {
    const before = { nom: 'Crème', prix: '1,00', description: '' }
    const submitted = { nom: ' Cre\u0300me ', prix: '1,00', description: '' }
    assert.deepEqual(mergeEdit(FIELDS, { before, submitted, current: before }).changed, [])
  })

  test('a refused conflict shows the record as it is now with this form’s changes on top, to be saved from now', () => {
    const before = { nom: 'Café', prix: '3,50', description: '' }
    const current = { nom: 'Café', prix: '4,25', description: 'Bio' }
    const submitted = { nom: 'Café', prix: '3,75', description: '' }
    const merge = mergeEdit(FIELDS, { before, submitted, current })
    const refusal = conflictRefusal(merge, submitted, current)
    assert.deepEqual(refusal.values, { nom: 'Café', prix: '3,75', description: 'Bio' })
    assert.deepEqual(refusal.baseline, current)
    assert.deepEqual(refusal.fieldErrors, { prix: { key: 'form.changedMeanwhile', params: { value: '4,25' } } })
  })

  test('the baseline is read only when it is an object of texts', () => {
    const form = (value: string) => {
      const data = new FormData()
      data.set(BASELINE_FIELD, value)
      return data
    }
    assert.deepEqual(readBaseline(form('{"nom":"Café"}')), { nom: 'Café' })
    for (const bad of ['', 'null', '[]', '{"nom":1}', '{']) assert.equal(readBaseline(form(bad)), null, bad)
    assert.equal(readBaseline(new FormData()), null)
  })

  test('what an edit action saves: everything without a baseline, only the changes with one, or the conflict', async () => {
    const form = (baseline?: object) => {
      const data = new FormData()
      if (baseline) data.set(BASELINE_FIELD, JSON.stringify(baseline))
      return data
    }
    let reads = 0
    const current = async () => {
      reads++
      return { nom: 'Boissons', description: 'Jus et eaux' }
    }
    const submitted = { nom: 'Boissons froides', description: '' }
    assert.deepEqual(await fieldsToSave(form(), ['nom', 'description'], submitted, current), { ok: true, fields: ['nom', 'description'] })
    assert.equal(reads, 0, 'a form without a baseline reads nothing')
    assert.deepEqual(await fieldsToSave(form({ nom: 'Boissons', description: '' }), ['nom', 'description'], submitted, current), { ok: true, fields: ['nom'] })
    const conflict = await fieldsToSave(form({ nom: 'Boissons', description: '' }), ['nom', 'description'], { nom: 'Boissons', description: 'Sodas' }, current)
    assert.equal(conflict.ok, false)
    assert.deepEqual(!conflict.ok && Object.keys(conflict.refusal.fieldErrors), ['description'])
  })
})

