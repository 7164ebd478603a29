// A clerk changes their own password from "Mon compte" (the name in the top
// bar): a wrong current password is refused on its field, a right one ends
// their session on another device, and the new password signs in. A fresh
// account per run, so the dev accounts' passwords never change.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { API, JS_ENABLED, RUN, Stage, apiClient, describeFlows, expectText, go, press, randomPrivateIp, ready, signIn } from './support.ts'

/** What the administrator typed: the user replaces it before these flows (see password-set-by-admin.test.ts). */
const GIVEN = 'donné par l’administratrice'
const FIRST = 'premier mot de passe'
const SECOND = 'second mot de passe'

describeFlows('a user changes their own password', () => {
  const stage = new Stage()
  const username = `e2e-compte-${RUN.toLowerCase()}`
  let userId = 0

  before(async () => {
    await stage.open()
    const created = await stage.api('POST', '/users', {
      nom_utilisateur: username,
      email: `${username}@e2e.comptoir.local`,
      nom_complet: `Caissière Compte ${RUN}`,
      role: 'clerk',
      magasin_id: 3,
      mot_de_passe: GIVEN,
    })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    userId = (created.body as { id: number }).id
    const login = await fetch(`${API}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Forwarded-For': randomPrivateIp() },
      body: JSON.stringify({ identifiant: username, mot_de_passe: GIVEN }),
    })
    assert.equal(login.status, 200)
    const own = apiClient(((await login.json()) as { token: string }).token)
    const chosen = await own('POST', '/auth/password', { mot_de_passe_actuel: GIVEN, nouveau_mot_de_passe: FIRST })
    assert.equal(chosen.status, 204, JSON.stringify(chosen.body))
  })

  after(() => stage.close())

  test('the name in the top bar leads to the account; a wrong current password is refused on its field', async () => {
    const page = await stage.newPage()
    await signIn(page, username, FIRST)
    await page.getByTestId('current-user').click()
    await page.waitForURL((url) => url.pathname === '/compte')
    await ready(page)
    await expectText(page.locator('h1'), 'Mon compte')
    await expectText(page.getByTestId('account-summary'), username)
    await expectText(page.getByTestId('account-summary'), 'Magasin Nord')

    await page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe')
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(SECOND)
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(SECOND)
    await press(page, 'Changer le mot de passe')
    await expectText(page.locator('#password-mot_de_passe_actuel-error'), "Ce n'est pas votre mot de passe actuel.")
    const current = page.getByLabel('Mot de passe actuel')
    assert.equal(await current.getAttribute('aria-invalid'), 'true')
    assert.equal(await current.evaluate((input) => input === document.activeElement), true, 'the field to correct has the focus')
    // Without JavaScript the page comes back from the server: it never carries a password typed.
    if (!JS_ENABLED) assert.equal(await current.inputValue(), '', 'a password is never sent back into the page')
  })

  test('a typo in the confirmation is caught before anything changes', async () => {
    const page = await stage.newPage()
    await signIn(page, username, FIRST)
    await go(page, '/compte')
    await page.getByLabel('Mot de passe actuel').fill(FIRST)
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(SECOND)
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(`${SECOND}!`)
    await press(page, 'Changer le mot de passe')
    await expectText(page.locator('#password-confirmation-error'), 'Les deux saisies du nouveau mot de passe ne sont pas identiques.')
  })

  test('the change ends the other session, keeps this one, and the new password signs in', async () => {
    const elsewhere = await stage.newPage()
    await signIn(elsewhere, username, FIRST)
    const page = await stage.newPage()
    await signIn(page, username, FIRST)
    await go(page, '/compte')
    await page.getByLabel('Mot de passe actuel').fill(FIRST)
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(SECOND)
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(SECOND)
    await press(page, 'Changer le mot de passe')
    await expectText(page.getByRole('status').first(), 'Mot de passe changé. Vos autres sessions ont été fermées.')

    await go(page, '/magasins/3/stock')
    await expectText(page.locator('h1'), /Stock/)
    await go(elsewhere, '/magasins/3/stock')
    assert.equal(new URL(elsewhere.url()).pathname, '/connexion', 'the other session must sign in again')

    await signIn(elsewhere, username, SECOND)
    assert.notEqual(new URL(elsewhere.url()).pathname, '/connexion')
  })

  test('Mon compte shows who the API says the user is now, and a session ended since ends there too', async () => {
    const page = await stage.newPage()
    await signIn(page, username, SECOND)
    // Renamed by an administrator after the sign-in: the cookie still holds the old name.
    const renamed = await stage.api('PATCH', `/users/${userId}`, { nom_complet: `Caissière Renommée ${RUN}` })
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body))
    await go(page, '/compte')
    await expectText(page.locator('#account-who'), `Caissière Renommée ${RUN}`)

    // Deactivated: the API revokes the sessions; the page makes an API call, so it signs out.
    const deactivated = await stage.api('PATCH', `/users/${userId}`, { actif: false })
    assert.equal(deactivated.status, 200, JSON.stringify(deactivated.body))
    await go(page, '/compte')
    assert.equal(new URL(page.url()).pathname, '/connexion', 'a revoked session does not render the account page')
  })
})
