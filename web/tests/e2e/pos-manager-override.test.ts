// A return after the clerk's return period, at the clerk's register: a manager
// types their identifier and password into the clerk's form, the return is
// made in the manager's name and the manager's API session is closed at once;
// the clerk stays signed in. The sale is made through the API and then dated
// 30 hours back in the database (no API makes a sale of yesterday), and
// dated back again when the flows are done. Store 3, like pos-returns.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import pg from 'pg'
import type { Page } from 'playwright-core'

import { violationsOf } from './axe.ts'
import { clerkAtRegister, leaveRegister, type Basket } from './pos-support.ts'
import { JS_ENABLED, Stage, describeFlows, expectText, focusedField, ready, registerOfThisMode, userOf, type ApiCall } from './support.ts'

const STORE = 3
const DATABASE_URL = process.env.DATABASE_URL ?? ''

async function sql<Row = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: DATABASE_URL })
  await client.connect()
  try {
    return (await client.query(text, params)).rows as Row[]
  } finally {
    await client.end()
  }
}

describeFlows('a manager authorises a late return at the clerk’s register', () => {
  const stage = new Stage()
  let clerkApi: ApiCall
  let page: Page
  let registerId: number
  let products: Basket
  let saleId = 0
  let receiptNumber = ''
  let started: Date

  before(async () => {
    assert.ok(DATABASE_URL, 'DATABASE_URL: the test dates a sale back in the database (scripts/test.mjs sets it)')
    await stage.open()
    registerId = await registerOfThisMode(stage.api, STORE)
    ;({ clerkApi, products, page } = await clerkAtRegister(stage, STORE, registerId, { drawerOpen: true, bypassCSP: true }))
    const sale = await clerkApi<{ id: number; numero_recu: string }>('POST', '/sales', {
      caisse_id: registerId,
      lignes: [{ produit_id: products.pain.id, quantite: 2 }],
      paiements: [{ mode: 'especes', montant: '100.00' }],
    })
    assert.equal(sale.status, 201, JSON.stringify(sale.body))
    saleId = sale.body.id
    receiptNumber = sale.body.numero_recu
    await sql(`UPDATE sales SET created_at = created_at - interval '30 hours' WHERE id = $1`, [saleId])
    started = new Date()
  })

  after(async () => {
    if (saleId) await sql(`UPDATE sales SET created_at = created_at + interval '30 hours' WHERE id = $1`, [saleId])
    await leaveRegister(stage, clerkApi, registerId)
  })

  test('past the clerk’s period the form asks for a manager, and refuses a missing one, a clerk and a wrong password', async () => {
    await page.goto(`/caisses/${registerId}/retours?vente=${saleId}`)
    await ready(page)
    await expectText(page.getByTestId('return-window-passed'), 'un retour demande l’autorisation d’un gérant')
    const form = page.getByTestId('return-override').locator('xpath=ancestor::form')
    await page.getByLabel(`Quantité de ${products.pain.nom} à retourner`, { exact: false }).fill('1')
    await page.getByLabel('Motif du retour').fill('Pain rassis, rapporté le lendemain')
    const submit = () => form.getByRole('button', { name: 'Enregistrer le retour' }).click()

    await submit()
    await expectText(page.getByTestId('return-override'), 'Le gérant saisit son identifiant.')
    await expectText(page.getByTestId('return-override'), 'Le gérant saisit son mot de passe.')

    // The clerk's own account is no manager's.
    const clerk = userOf(stage.credentials, `caissier${STORE}`)
    await page.getByTestId('return-override').getByLabel('Identifiant du gérant').fill(clerk.username)
    await page.getByTestId('return-override').getByLabel('Mot de passe du gérant').fill(clerk.password)
    await submit()
    await expectText(page.getByTestId('return-override'), 'Ce compte n’est pas celui d’un gérant')

    const manager = userOf(stage.credentials, 'gerant')
    await page.getByTestId('return-override').getByLabel('Identifiant du gérant').fill(manager.username)
    await page.getByTestId('return-override').getByLabel('Mot de passe du gérant').fill(`${manager.password}x`)
    await submit()
    await expectText(page.getByTestId('return-override'), 'Identifiant ou mot de passe du gérant incorrect.')
    // The manager types it again at once: the focus waits in the emptied field, with JavaScript as without.
    assert.equal(await focusedField(page), 'gerant_mot_de_passe')
    // What was typed stays, but the password is never sent back to the page.
    assert.equal(await page.getByTestId('return-override').getByLabel('Identifiant du gérant').inputValue(), manager.username)
    assert.equal(await page.getByTestId('return-override').getByLabel('Mot de passe du gérant').inputValue(), '')
    assert.ok(!(await page.content()).includes(`${manager.password}x`))
    assert.equal(await page.getByLabel('Motif du retour').inputValue(), 'Pain rassis, rapporté le lendemain')

    // The right password, but a refund the API refuses (no card paid this cash sale): the manager's
    // session is closed, and their password does not stay typed in the clerk's form for a next try.
    await form.getByLabel('Mode de remboursement').selectOption('carte')
    await page.getByTestId('return-override').getByLabel('Mot de passe du gérant').fill(manager.password)
    await submit()
    await expectText(page.getByRole('alert').filter({ hasText: 'réglée par ce mode' }), 'La vente n’a pas été réglée par ce mode')
    assert.equal(await page.getByTestId('return-override').getByLabel('Mot de passe du gérant').inputValue(), '')
    assert.ok(!(await page.content()).includes(manager.password))
    // The authorisation's fields, refused, pass axe (labels, errors tied to their fields, contrast).
    if (JS_ENABLED) assert.deepEqual(await violationsOf(page), [])
    const [returned] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM returns WHERE sale_id = $1', [saleId])
    assert.equal(returned?.n, 0, 'nothing returned on a refusal')
  })

  test('the manager’s password makes the return in the manager’s name, whose API session ends with it', async () => {
    const manager = userOf(stage.credentials, 'gerant')
    const form = page.getByTestId('return-override').locator('xpath=ancestor::form')
    // Without JavaScript the refused page came back with what was typed; with it, the fields kept it.
    await page.getByLabel(`Quantité de ${products.pain.nom} à retourner`, { exact: false }).fill('1')
    await page.getByTestId('return-override').getByLabel('Identifiant du gérant').fill(manager.username)
    await form.getByLabel('Mode de remboursement').selectOption('original')
    await page.getByTestId('return-override').getByLabel('Mot de passe du gérant').fill(manager.password)
    await form.getByRole('button', { name: 'Enregistrer le retour' }).click()
    await expectText(page.getByRole('status').filter({ hasText: 'Retour enregistré' }), /Retour enregistré : .*Autorisé par .+\./)
    const [row] = await sql<{ user_id: number; register_id: number; username: string }>(
      'SELECT r.user_id, r.register_id, u.username FROM returns r JOIN users u ON u.id = r.user_id WHERE r.sale_id = $1',
      [saleId]
    )
    assert.equal(row?.username, manager.username, 'recorded in the manager’s name')
    assert.equal(row?.register_id, registerId, 'at the clerk’s register')
    // The manager's session opened for it (and the clerk's tried before) are closed; the clerk's own goes on.
    const [open] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.kind = 'session' AND t.created_at >= $1 AND t.revoked_at IS NULL AND u.username = ANY($2)`,
      [started, [manager.username]]
    )
    assert.equal(open?.n, 0, 'no manager session left open')
    await page.goto(`/caisses/${registerId}/vente`)
    await ready(page)
    assert.match(new URL(page.url()).pathname, /\/vente$/, 'the clerk is still signed in at the register')
  })

  test('the returns journal names the manager and marks the return as past the clerks’ period', async () => {
    const manager = userOf(stage.credentials, 'gerant')
    const [name] = await sql<{ full_name: string }>('SELECT full_name FROM users WHERE username = $1', [manager.username])
    await page.goto('/ventes')
    await ready(page)
    await page.getByRole('link', { name: 'Journal des retours' }).click()
    await page.waitForURL('**/ventes/retours')
    await ready(page)
    const row = page.getByTestId('returns-journal').locator('tbody tr').filter({ hasText: receiptNumber })
    await expectText(row, 'Pain rassis, rapporté le lendemain')
    await expectText(row, `${name?.full_name}`)
    await expectText(row, 'hors délai')
    // Its receipt number opens the sale.
    await row.getByRole('link', { name: `Ouvrir le reçu ${receiptNumber}` }).click()
    await page.waitForURL(`**/ventes/${saleId}/recu**`)
    await ready(page)
    // …and the receipt leads back to that sale's returns alone.
    await page.getByRole('link', { name: 'Retours de cette vente' }).click()
    await page.waitForURL(`**/ventes/retours?vente=${saleId}`)
    await ready(page)
    await expectText(page.getByTestId('returns-of-sale'), receiptNumber)
    assert.equal(await page.getByTestId('returns-journal').locator('tbody tr').count(), 1)
  })
})
