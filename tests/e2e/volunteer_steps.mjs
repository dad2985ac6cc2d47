// Steps a volunteer takes on a tablet, shared by the lock's tests: signing a resident up at a
// door of the first entrance, setting a first PIN, unlocking with a PIN.

/** Signs a resident up at the first entrance's `door`-th door, from the field home or (without
 * a reload, which would lock the device) from that entrance's page. */
export async function signUp(page, door, { first, last, phone, email }) {
  if (door === 0) {
    await page.locator('.residence-link').first().click();
    await page.locator('.entrance-link').first().click();
  }
  await page.getByRole('button', { name: /^Porte / }).nth(door).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Inscrire', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: "Inscription d'un habitant" }).waitFor();
  await page.getByLabel('Prénom').fill(first);
  await page.getByLabel('Nom (facultatif)').fill(last);
  await page.getByLabel('Téléphone').fill(phone);
  await page.getByLabel('E-mail').fill(email);
  const consents = page.locator('.consent');
  await consents.nth(0).getByRole('button', { name: 'Oui' }).click();
  await consents.nth(1).getByRole('button', { name: 'Non' }).click();
  await consents.nth(2).getByRole('button', { name: 'Non' }).click();
  await page.getByRole('button', { name: "Enregistrer l'inscription" }).click();
  await page.getByRole('heading', { level: 1, name: /^Entrée/ }).waitFor();
}

export async function unlockWith(page, pin) {
  await page.getByTestId('unlock').click();
  await page.getByTestId('unlock-pin').fill(pin);
  await page.getByTestId('unlock-submit').click();
}

/** Sets a PIN from the header (the volunteer said who they are) and waits until the device is
 * unlocked with it. */
export async function setPin(page, pin) {
  await page.getByTestId('set-pin').click();
  await page.getByTestId('new-pin').fill(pin);
  await page.getByTestId('new-pin-again').fill(pin);
  await page.getByTestId('set-pin-save').click();
  await page.getByTestId('lock-now').waitFor({ timeout: 20_000 });
}
