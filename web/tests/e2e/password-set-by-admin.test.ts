// A password an administrator typed (a new account, a reset) is known to
// them: its owner lands on "Mon compte" at sign-in, is told why, and every
// other page sends them back there until they chose their own. A fresh
// account per run, created through the API as an administrator would.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { API, RUN, Stage, apiClient, describeFlows, expectText, go, press, randomPrivateIp, signIn } from './support.ts'

const GIVEN = 'choisi par l’administratrice'
const OWN = 'le mien et personne d’autre'
const RESET = 'réinitialisé par l’admin'
const STORE = 2

describeFlows('a password an administrator set must be replaced', () => {
  const stage = new Stage()
  const username = `e2e-impose-${RUN.toLowerCase()}`
  let userId = 0

  before(async () => {
    await stage.open()
    const created = await stage.api<{ id: number; doit_changer_mot_de_passe: boolean }>('POST', '/users', {
      nom_utilisateur: username,
      email: `${username}@e2e.comptoir.local`,
      nom_complet: `Caissier Imposé ${RUN}`,
      role: 'clerk',
      magasin_id: STORE,
      mot_de_passe: GIVEN,
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    assert.equal(created.body.doit_changer_mot_de_passe, true)
    userId = created.body.id
  })

  after(() => stage.close())

  test('signing in leads to Mon compte, which says why; every other page leads back there', async () => {
    const page = await stage.newPage()
    await signIn(page, username, GIVEN)
    assert.equal(new URL(page.url()).pathname, '/compte')
    await expectText(page.getByTestId('password-change-required'), 'Choisissez votre propre mot de passe pour continuer.')
    await expectText(page.getByTestId('password-change-required'), 'choisi par un administrateur')
    assert.equal(await page.getByRole('link', { name: 'Caisses' }).count(), 0, 'no menu until the password is chosen')

    for (const path of [`/magasins/${STORE}/caisses`, `/magasins/${STORE}/stock`, '/']) {
      await go(page, path)
      assert.equal(new URL(page.url()).pathname, '/compte', `${path} leads back to /compte`)
    }
  })

  test('once the user chose their own, they reach their work and the notice is gone', async () => {
    const page = await stage.newPage()
    await signIn(page, username, GIVEN)
    await page.getByLabel('Mot de passe actuel').fill(GIVEN)
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(OWN)
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(OWN)
    await press(page, 'Changer le mot de passe')
    assert.equal(new URL(page.url()).pathname, `/magasins/${STORE}/caisses`)
    await expectText(page.getByRole('status').first(), 'Mot de passe choisi')

    await go(page, `/magasins/${STORE}/stock`)
    await expectText(page.locator('h1'), /Stock/)
    await go(page, '/compte')
    assert.equal(await page.getByTestId('password-change-required').count(), 0)
    await expectText(page.getByTestId('account-summary'), 'Magasin')
  })

  test('an administrator resetting the password sends the user back to choose one', async () => {
    const reset = await stage.api<{ doit_changer_mot_de_passe: boolean }>('PATCH', `/users/${userId}`, { mot_de_passe: RESET })
    assert.equal(reset.status, 200, JSON.stringify(reset.body))
    assert.equal(reset.body.doit_changer_mot_de_passe, true)

    const page = await stage.newPage()
    await signIn(page, username, RESET)
    assert.equal(new URL(page.url()).pathname, '/compte')
    await expectText(page.getByTestId('password-change-required'), 'Choisissez votre propre mot de passe')
  })

  test('a password typed on the user page goes with that save only: a later save leaves the one the user chose', async () => {
    const typed = 'donné au comptoir, à changer'
    const chosen = 'le mien, choisi ensuite'
    const admin = await stage.signedIn('admin')
    await go(admin, `/utilisateurs/${userId}`)
    const password = admin.getByLabel('Nouveau mot de passe')
    await password.fill(typed)
    await press(admin, 'Enregistrer')
    await expectText(admin.getByRole('status').first(), 'enregistré')
    assert.equal(await password.inputValue(), '', 'the field is empty once saved')

    // The user signs in with it and chooses their own.
    const login = await fetch(`${API}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': randomPrivateIp() },
      body: JSON.stringify({ identifiant: username, mot_de_passe: typed }),
    })
    assert.equal(login.status, 200)
    const own = apiClient(((await login.json()) as { token: string }).token)
    assert.equal((await own('POST', '/auth/password', { mot_de_passe_actuel: typed, nouveau_mot_de_passe: chosen })).status, 204)

    // The administrator then fixes the name only: the user's own password still opens the account.
    const name = admin.getByLabel('Nom complet')
    await name.fill(`${await name.inputValue()} (corrigé)`)
    await press(admin, 'Enregistrer')
    await expectText(admin.getByRole('status').first(), 'enregistré')
    const user = await stage.api<{ doit_changer_mot_de_passe: boolean }>('GET', `/users/${userId}`)
    assert.equal(user.body.doit_changer_mot_de_passe, false, 'not reset to a password to change')
    const page = await stage.newPage()
    await signIn(page, username, chosen)
    assert.notEqual(new URL(page.url()).pathname, '/connexion')
  })

  test('on their own account an administrator gets no password field: it leads to Mon compte, which asks for the current one', async () => {
    const admin = await stage.signedIn('admin')
    const me = await (await stage.apiAs('admin'))<{ utilisateur: { id: number } }>('GET', '/auth/me')
    assert.equal(me.status, 200)
    await go(admin, `/utilisateurs/${me.body.utilisateur.id}`)
    await expectText(admin.getByTestId('own-password'), 'Votre propre mot de passe se change dans Mon compte')
    assert.equal(await admin.getByLabel('Nouveau mot de passe').count(), 0)
    // Someone else's account keeps its reset field.
    await go(admin, `/utilisateurs/${userId}`)
    assert.equal(await admin.getByLabel('Nouveau mot de passe').count(), 1)
    assert.equal(await admin.getByTestId('own-password').count(), 0)
    await go(admin, `/utilisateurs/${me.body.utilisateur.id}`)
    await admin.getByTestId('own-password').getByRole('link', { name: 'Mon compte' }).click()
    await admin.waitForURL('**/compte')
  })
})
