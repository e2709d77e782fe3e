// Signing in and out, and the people of the newsroom: an admin registers a person, who replaces the
// one-time password at the first sign-in; an auditor reads accounts and changes nothing; nothing secret
// is left in the browser.
import { PASSWORD } from './api';
import { baseUrl, expect, see, shot, signInThroughTheForm, test, type Person } from './fixtures';

/** Everything the page could have kept: both storages and the IndexedDB databases' names. */
async function browserStorage(who: Person): Promise<string> {
  return who.page.evaluate(async () => {
    const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, databases });
  });
}

test('carla signs in through the form and out again, and no password is left in the browser', async ({ signIn }) => {
  const carla = await signIn('carla');

  await test.step('nothing secret is kept in the browser', async () => {
    const kept = await browserStorage(carla);
    expect(kept, 'browser storage').not.toContain(PASSWORD);
    expect(kept).not.toContain(Buffer.from(`carla:${PASSWORD}`).toString('base64'));
  });

  await test.step('signing out shows the form, and a reload does not sign her in again', async () => {
    await carla.page.getByTestId('sign-out').click();
    await see(carla.page.getByTestId('signed-out-notice'), 'that she signed out');
    await expect(carla.page.getByTestId('signed-out-notice')).toHaveText('You signed out.');
    await carla.page.reload();
    await see(carla.page.getByTestId('signin-form'), 'the sign-in form after a reload');
    await expect(carla.page.getByTestId('whoami')).toHaveCount(0);
  });
});

test('ada registers a person, who chooses their own password at the first sign-in; ada then disables them', async ({ signIn }) => {
  const username = `pat${Date.now().toString(36)}`;
  const ownPassword = 'otters juggle seven lanterns';
  const ada = await signIn('ada');
  let oneTime = '';

  await test.step('ada registers the person in the people view and sees the one-time password once', async () => {
    await ada.page.getByTestId('tab-people').click();
    await see(ada.page.getByTestId('accounts'), 'the accounts');
    await ada.page.getByTestId('register-person').click();
    const dialog = ada.page.getByTestId('register-dialog');
    await dialog.getByLabel('User name').fill(username);
    await dialog.getByLabel('Display name').fill('Pat Press');
    await dialog.getByLabel('Add a group').fill('hr');
    await dialog.getByRole('button', { name: 'Add the group' }).click();
    await dialog.getByRole('button', { name: 'Register' }).click();
    const secret = dialog.getByTestId('one-time-password-value');
    await see(secret, 'the one-time password');
    oneTime = await secret.inputValue();
    expect(oneTime.length, 'a one-time password').toBeGreaterThanOrEqual(12);
    await expect(dialog).toContainText('you will not see it again');
    await shot(ada.page, 'people-registered');
    await dialog.getByRole('button', { name: 'Done — I have copied it' }).click();
    await expect(ada.page.getByTestId('register-dialog')).toHaveCount(0);
    const row = ada.page.locator(`[data-testid="account-row"][data-username="${username}"]`);
    await see(row, 'the new account in the list');
    await expect(row).toContainText('Waiting for their own password');
    expect(await ada.page.content(), 'the one-time password is gone from the page').not.toContain(oneTime);
  });

  const pat = await signIn(username, undefined, { password: oneTime, lands: 'choose-password' });

  await test.step('the person can do nothing but choose their own password, then works in the dashboard', async () => {
    await expect(pat.page.getByTestId('whoami')).toHaveCount(0);
    const form = pat.page.getByTestId('choose-password');
    await form.getByLabel(/One-time password/).fill(oneTime);
    await form.getByLabel('New password', { exact: true }).fill('password1234');
    await form.getByLabel('New password again').fill('password1234');
    await form.getByRole('button', { name: 'Set my password' }).click();
    await see(form.locator('.problem-fields'), 'the refusal of a common password');
    await expect(form.locator('.problem-fields')).toHaveText('New password is one of the passwords people use most or that have leaked: choose another');
    await form.getByLabel('New password', { exact: true }).fill(ownPassword);
    await form.getByLabel('New password again').fill(ownPassword);
    await form.getByRole('button', { name: 'Set my password' }).click();
    await see(pat.page.getByTestId('whoami'), 'the dashboard after choosing a password');
    expect(await browserStorage(pat), 'browser storage').not.toMatch(new RegExp(`${oneTime}|${ownPassword}`));
  });

  await test.step('the person signs in again with their own password', async () => {
    await pat.page.getByTestId('sign-out').click();
    await signInThroughTheForm(pat.page, username, ownPassword);
    await see(pat.page.getByTestId('whoami'), 'the dashboard');
  });

  await test.step('ada disables the person, giving a reason; re-enabling is offered instead', async () => {
    await ada.page.locator(`[data-testid="account-row"][data-username="${username}"]`).getByRole('button', { name: /^Open the account/ }).click();
    const dialog = ada.page.getByTestId('account-dialog');
    await expect(dialog.getByTestId('account-state'), 'the account as it is now: Pat chose a password meanwhile').toHaveText('Enabled');
    await dialog.getByRole('button', { name: 'Disable…' }).click();
    await dialog.getByLabel(/Why disable/).fill('left for another newsroom');
    await dialog.getByRole('button', { name: 'Disable Pat Press' }).click();
    await expect(dialog.getByTestId('account-state')).toHaveText('Disabled');
    // what the server offers now: re-enabling instead of disabling
    await see(dialog.getByRole('button', { name: 'Re-enable' }), 'Re-enable');
    await expect(dialog.getByRole('button', { name: 'Disable…' })).toHaveCount(0);
    await see(dialog.getByTestId('account-history').getByText('disabled the account: “left for another newsroom”'), 'the reason in the history');
  });

  await test.step('the disabled person cannot sign in any more', async () => {
    const page = await pat.context.newPage();
    await page.goto(baseUrl());
    await signInThroughTheForm(page, username, ownPassword);
    await see(page.getByRole('alert'), 'the refusal');
    await expect(page.getByTestId('whoami')).toHaveCount(0);
    await page.close();
  });
});

test('otto the auditor reads every account and its history but is offered no change', async ({ signIn }) => {
  const otto = await signIn('otto');
  await otto.page.getByTestId('tab-people').click();
  await see(otto.page.locator('[data-testid="account-row"][data-username="ada"]'), "ada's account");
  await expect(otto.page.getByTestId('register-person')).toHaveCount(0);
  await otto.page.locator('[data-testid="account-row"][data-username="ada"]').getByRole('button', { name: /^Open the account/ }).click();
  const dialog = otto.page.getByTestId('account-dialog');
  await see(dialog.getByTestId('no-account-actions'), 'that he can only read');
  await see(dialog.getByTestId('account-history').getByText(/registered the account as Admin/), "the account's history");
});
