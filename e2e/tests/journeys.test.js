// The journeys people make through Cylch, each in English and in Welsh and
// each with JavaScript on and off: signing in and out, a wrong password,
// resetting a password by email, creating a co-operative and inviting its
// first officer, the account page, and the language link. Every page they
// reach is checked with axe-core too (with JavaScript off, that it carries no
// script, so that it is the page axe checked with JavaScript on).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  PEOPLE, FAMILY_COOP, t, launch, newPage, goto, expectGoodPage, expectPage, expectFormErrors,
  submit, submitSignIn, follow, signIn, linkFromOutbox, DEMO_PASSWORD,
} from '../lib/cylch.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const other = (lang) => (lang === 'en' ? 'cy' : 'en');

// Each variant has its own people for the journeys that change an account,
// so the variants do not depend on one another.
const VARIANTS = [
  { lang: 'en', js: true, member: PEOPLE.gareth, role: 'office-treasurer', reset: PEOPLE.megan, account: PEOPLE.elin },
  { lang: 'en', js: false, member: PEOPLE.gareth, role: 'office-treasurer', reset: PEOPLE.ffion, account: PEOPLE.huw },
  { lang: 'cy', js: true, member: PEOPLE.carys, role: 'office-chair', reset: PEOPLE.rhys, account: PEOPLE.eirlys },
  { lang: 'cy', js: false, member: PEOPLE.carys, role: 'office-chair', reset: PEOPLE.tomos, account: PEOPLE.dafydd },
];

// Two variants run side by side; each one's steps run in order.
describe('journeys', { concurrency: 2 }, () => {
for (const { lang, js, member, role, reset, account } of VARIANTS) {
  const name = `${lang === 'en' ? 'English' : 'Welsh'}, JavaScript ${js ? 'on' : 'off'}`;
  describe(name, () => {
    const open = (options = {}) => newPage(browser, { lang, js, ...options });

    test('sign in, see the co-operative and roles, sign out', async () => {
      const page = await open();
      await goto(page, '/sign-in');
      await expectGoodPage(page, lang, { h1: t(lang, 'sign-in-title'), title: t(lang, 'sign-in-title') });
      const response = await submitSignIn(page, lang, member.email, DEMO_PASSWORD);
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/');
      await expectGoodPage(page, lang, { h1: t(lang, 'home-title', { name: member.name }) });

      const card = page.locator('.card', { hasText: FAMILY_COOP });
      assert.equal(await card.count(), 1, 'the home page shows the co-operative');
      const cardText = await card.innerText();
      assert.ok(cardText.includes(t(lang, 'kind-family')), cardText);
      assert.ok(cardText.includes(t(lang, 'home-your-roles')), cardText);
      assert.ok(cardText.includes(t(lang, role)), `the roles include ${t(lang, role)}: ${cardText}`);

      await follow(page, FAMILY_COOP);
      await expectGoodPage(page, lang, { h1: FAMILY_COOP, title: FAMILY_COOP });
      assert.equal(await page.getByRole('cell', { name: member.name, exact: true }).count(), 1);

      await submit(page, t(lang, 'nav-sign-out'));
      await expectGoodPage(page, lang, { h1: t(lang, 'signed-out-title') });
      // Signed out for real: the home page asks to sign in again.
      await goto(page, '/');
      assert.equal(new URL(page.url()).pathname, '/sign-in');
      await expectPage(page, lang, { h1: t(lang, 'sign-in-title') });
      await page.context().close();
    });

    test('the signed-out page shows the menu of someone signed out', {
      skip: !js && 'checked with JavaScript on',
    }, async () => {
      const page = await open();
      await signIn(page, lang, member);
      await submit(page, t(lang, 'nav-sign-out'));
      const header = page.locator('header');
      assert.equal(await header.getByRole('button', { name: t(lang, 'nav-sign-out') }).count(), 0);
      assert.equal(await header.getByRole('link', { name: t(lang, 'nav-sign-in') }).count(), 1);
      const response = await follow(page, t(lang, 'switch-language'));
      assert.equal(response.status(), 200, 'the language link works on the signed-out page');
      await page.context().close();
    });

    test('a wrong password: error summary, the email kept, then signing in', async () => {
      const page = await open();
      await goto(page, '/sign-in?next=/account');
      let response = await submitSignIn(page, lang, member.email, 'not-the-password');
      await expectFormErrors(page, response, lang, [{ id: 'email', message: 'sign-in-wrong' }]);
      assert.equal(await page.getByLabel(t(lang, 'field-email'), { exact: true }).inputValue(), member.email);
      assert.equal(await page.getByLabel(t(lang, 'field-password'), { exact: true }).inputValue(), '');
      assert.equal(await page.locator('.error-summary').getAttribute('role'), 'alert');
      await expectGoodPage(page, lang, { h1: t(lang, 'sign-in-title'), title: `${t(lang, 'error-title-prefix')} ${t(lang, 'sign-in-title')}` });

      await page.getByLabel(t(lang, 'field-password'), { exact: true }).fill(DEMO_PASSWORD);
      response = await submit(page, t(lang, 'sign-in-button'));
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/account', 'back to the page that asked for sign-in');
      await expectGoodPage(page, lang, { h1: t(lang, 'account-title') });
      await page.context().close();
    });

    test('reset a forgotten password by email', async () => {
      const page = await open();
      await goto(page, '/sign-in');
      await follow(page, t(lang, 'sign-in-forgot'));
      assert.equal(new URL(page.url()).pathname, '/reset-password');
      await expectGoodPage(page, lang, { h1: t(lang, 'reset-title') });

      let response = await submit(page, t(lang, 'reset-send'));
      await expectFormErrors(page, response, lang, [{ id: 'email', message: 'error-field-missing' }]);
      await expectGoodPage(page, lang, { h1: t(lang, 'reset-title') }, 'reset request with errors');

      await page.getByLabel(t(lang, 'field-email'), { exact: true }).fill(reset.email);
      response = await submit(page, t(lang, 'reset-send'));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'reset-sent-title') });

      const { link, text } = await linkFromOutbox(reset.email, '/reset-password/');
      assert.ok(text.includes(reset.lang === 'cy' ? 'cyfrinair newydd' : 'new password'), 'the email is in the account\'s language');
      response = await page.goto(link);
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'new-password-title') });
      assert.equal(await page.locator('#password-hint').innerText(), t(lang, 'hint-password'));

      const newPassword = `afon llwyd ${lang} ${js ? 'gyda' : 'heb'} sgript`;
      await page.getByLabel(t(lang, 'field-new-password'), { exact: true }).fill(newPassword);
      await page.getByLabel(t(lang, 'field-confirm-password'), { exact: true }).fill(`${newPassword}!`);
      response = await submit(page, t(lang, 'save-password'));
      await expectFormErrors(page, response, lang, [{ id: 'confirm', message: 'error-password-mismatch' }]);
      await expectGoodPage(page, lang, { h1: t(lang, 'new-password-title') }, 'new password with errors');
      assert.equal(await page.getByLabel(t(lang, 'field-new-password'), { exact: true }).inputValue(), '', 'passwords are never sent back');

      await page.getByLabel(t(lang, 'field-new-password'), { exact: true }).fill(newPassword);
      await page.getByLabel(t(lang, 'field-confirm-password'), { exact: true }).fill(newPassword);
      response = await submit(page, t(lang, 'save-password'));
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/sign-in');
      assert.equal((await page.locator('.notice').innerText()).trim(), t(lang, 'reset-done'));
      await expectGoodPage(page, lang, { h1: t(lang, 'sign-in-title') });

      response = await submitSignIn(page, lang, reset.email, DEMO_PASSWORD);
      assert.equal(response.status(), 422, 'the old password no longer works');
      response = await submitSignIn(page, lang, reset.email, newPassword);
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'home-title', { name: reset.name }) });

      // The link worked once.
      response = await page.goto(link);
      assert.equal(response.status(), 404);
      await expectGoodPage(page, lang, { h1: t(lang, 'reset-expired-title') });

      // The demo's password back, from the account page, for the browser
      // tests that sign in as this person after this one.
      await goto(page, '/account');
      await page.getByLabel(t(lang, 'field-current-password'), { exact: true }).fill(newPassword);
      await page.getByLabel(t(lang, 'field-new-password'), { exact: true }).fill(DEMO_PASSWORD);
      await page.getByLabel(t(lang, 'field-confirm-password'), { exact: true }).fill(DEMO_PASSWORD);
      response = await submit(page, t(lang, 'save-password'));
      assert.ok(response.status() < 400, `the demo password restored for ${reset.email}`);
      await page.context().close();
    });

    test('the administrator creates a co-operative and invites its first officer, who joins in Welsh', async () => {
      const admin = await open();
      await signIn(admin, lang, PEOPLE.admin);
      if (PEOPLE.admin.lang !== lang) {
        // The administrator's account is in Welsh: the language link changes it here.
        await expectPage(admin, PEOPLE.admin.lang);
        await follow(admin, t(PEOPLE.admin.lang, 'switch-language'));
        assert.equal(new URL(admin.url()).pathname, '/');
      }
      await expectGoodPage(admin, lang);
      await follow(admin, t(lang, 'nav-admin'), admin.locator('header'));
      await expectGoodPage(admin, lang, { h1: t(lang, 'admin-title') });

      const coopName = `Cydweithfa Glan-yr-Afon ${lang} ${js ? 'gyda' : 'heb'} sgript`;
      await admin.getByLabel(t(lang, 'field-coop-name'), { exact: true }).fill(coopName);
      let response = await submit(admin, t(lang, 'admin-create-button'));
      await expectFormErrors(admin, response, lang, [{ id: 'kind', message: 'error-field-missing' }]);
      assert.equal(await admin.getByLabel(t(lang, 'field-coop-name'), { exact: true }).inputValue(), coopName);
      await expectGoodPage(admin, lang, { h1: t(lang, 'admin-title') }, 'create co-operative with errors');
      await admin.getByLabel(t(lang, 'kind-family'), { exact: true }).check();
      response = await submit(admin, t(lang, 'admin-create-button'));
      assert.equal(response.status(), 200);
      assert.match(new URL(admin.url()).pathname, /^\/admin\/coops\/[0-9a-f]+\/invite$/);
      await expectGoodPage(admin, lang, { h1: t(lang, 'invite-title', { coop: coopName }) });

      const invitee = { name: 'Nia Prydderch', email: `nia.${lang}.${js ? 'js' : 'nojs'}@example.test` };
      await admin.getByLabel(t(lang, 'field-name'), { exact: true }).fill(invitee.name);
      await admin.getByLabel(t(lang, 'field-email'), { exact: true }).fill('nia@');
      response = await submit(admin, t(lang, 'invite-send'));
      await expectFormErrors(admin, response, lang, [{ id: 'email', message: 'error-email-format' }]);
      assert.equal(await admin.getByLabel(t(lang, 'field-name'), { exact: true }).inputValue(), invitee.name);
      assert.equal(await admin.getByLabel(t(lang, 'office-chair'), { exact: true }).isChecked(), true);
      await expectGoodPage(admin, lang, {}, 'invite with errors');
      await admin.getByLabel(t(lang, 'field-email'), { exact: true }).fill(invitee.email);
      response = await submit(admin, t(lang, 'invite-send'));
      assert.equal(response.status(), 200);
      await expectGoodPage(admin, lang, { h1: t(lang, 'invite-sent-title') });
      assert.ok((await admin.locator('main').innerText()).includes(t(lang, 'invite-sent-body', { email: invitee.email })));
      await admin.context().close();

      // The invitee, in a browser of their own.
      const { link, text } = await linkFromOutbox(invitee.email, '/invitations/');
      assert.ok(text.includes(coopName), 'the invitation names the co-operative');
      const page = await open();
      response = await page.goto(link);
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'invitation-title') });
      const intro = await page.locator('main p').first().innerText();
      assert.ok(intro.includes(coopName) && intro.includes(t(lang, 'office-chair')), intro);

      await page.getByLabel('Cymraeg', { exact: true }).check();
      await page.getByLabel(t(lang, 'field-new-password'), { exact: true }).fill('byr');
      response = await submit(page, t(lang, 'save-password'));
      await expectFormErrors(page, response, lang, [{ id: 'password', message: 'error-password-short' }]);
      await expectGoodPage(page, lang, { h1: t(lang, 'invitation-title') }, 'invitation with errors');

      await page.getByLabel('Cymraeg', { exact: true }).check();
      await page.getByLabel(t(lang, 'field-new-password'), { exact: true }).fill('mynydd glas a mwg');
      await page.getByLabel(t(lang, 'field-confirm-password'), { exact: true }).fill('mynydd glas a mwg');
      response = await submit(page, t(lang, 'save-password'));
      assert.equal(response.status(), 200);
      assert.match(new URL(page.url()).pathname, /^\/coops\/[0-9a-f]+$/);
      // Chosen Welsh: the co-operative's page is in Welsh.
      await expectGoodPage(page, 'cy', { h1: coopName });
      assert.ok((await page.locator('main').innerText()).includes(t('cy', 'office-chair')));
      assert.equal(await page.getByRole('cell', { name: invitee.name, exact: true }).count(), 1);
      await goto(page, '/');
      await expectGoodPage(page, 'cy', { h1: t('cy', 'home-title', { name: invitee.name }) });
      await page.context().close();
    });

    test('the language chosen on the invitation form is kept when it comes back with a problem', {
      skip: !js && 'checked with JavaScript on',
    }, async () => {
      const admin = await open();
      await signIn(admin, lang, PEOPLE.admin);
      await goto(admin, '/admin');
      const email = `bethan.${lang}.${js ? 'js' : 'nojs'}@example.test`;
      // A co-operative of its own: the administrator invites only a
      // co-operative's first officers, while it has none.
      await admin.locator('#name').fill(`Cydweithfa Bethan ${lang}`);
      await admin.locator('input[name=kind]').first().check();
      await Promise.all([admin.waitForNavigation(), admin.locator('main button[type=submit]').first().click()]);
      assert.match(new URL(admin.url()).pathname, /^\/admin\/coops\/[0-9a-f]+\/invite$/);
      await admin.locator('#name').fill('Bethan Rowlands');
      await admin.locator('#email').fill(email);
      await submit(admin, await admin.locator('main button[type=submit]').innerText());
      await admin.context().close();
      const { link } = await linkFromOutbox(email, '/invitations/');
      const page = await open();
      await page.goto(link);
      await page.getByLabel(other(lang) === 'cy' ? 'Cymraeg' : 'English', { exact: true }).check();
      await submit(page, t(lang, 'save-password'));
      assert.equal(await page.getByLabel(other(lang) === 'cy' ? 'Cymraeg' : 'English', { exact: true }).isChecked(), true);
      await page.context().close();
    });

    test('the account page: change the name, create an API token shown once, revoke it', async () => {
      const page = await open();
      await signIn(page, lang, account);
      await follow(page, new RegExp(`^${t(lang, 'nav-account')}`), page.locator('header'));
      assert.equal(new URL(page.url()).pathname, '/account');
      await expectGoodPage(page, lang, { h1: t(lang, 'account-title') });
      assert.equal(await page.getByLabel(t(lang, 'field-name'), { exact: true }).inputValue(), account.name);
      assert.equal(await page.getByLabel(lang === 'cy' ? 'Cymraeg' : 'English', { exact: true }).isChecked(), true);

      const newName = `${account.name.split(' ')[0]} ap Gruffudd`;
      await page.getByLabel(t(lang, 'field-name'), { exact: true }).fill(newName);
      let response = await submit(page, t(lang, 'save-details'));
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).search, '?saved=details');
      assert.equal((await page.locator('.notice').innerText()).trim(), t(lang, 'account-saved-details'));
      assert.equal(await page.getByLabel(t(lang, 'field-name'), { exact: true }).inputValue(), newName);
      await expectGoodPage(page, lang, { h1: t(lang, 'account-title') }, 'details saved');
      // The menu's link to the account names the person, for screen readers.
      assert.equal(await page.locator('header').getByRole('link', { name: `${t(lang, 'nav-account')} (${newName})`, exact: true }).count(), 1);

      const tokenName = `Ffôn ${lang} ${js ? 'gyda' : 'heb'} sgript`;
      await page.getByLabel(t(lang, 'field-token-name'), { exact: true }).fill(tokenName);
      response = await submit(page, t(lang, 'token-create'));
      assert.equal(response.status(), 200);
      const notice = page.locator('.notice', { hasText: t(lang, 'token-created') });
      assert.equal(await notice.count(), 1, 'the new token is announced');
      const secret = (await notice.locator('code.secret').innerText()).trim();
      assert.match(secret, /^\S{20,}$/, 'the token is shown');
      assert.equal(await page.getByRole('cell', { name: tokenName, exact: true }).count(), 1);
      await expectGoodPage(page, lang, { h1: t(lang, 'account-title') }, 'token created');

      // Shown once: not on the next visit.
      await goto(page, '/account');
      assert.ok(!(await page.locator('body').innerText()).includes(secret), 'the token is not shown again');
      assert.equal(await page.getByRole('cell', { name: tokenName, exact: true }).count(), 1);
      response = await submit(page, `${t(lang, 'token-revoke')} ${tokenName}`);
      assert.equal(response.status(), 200);
      assert.equal((await page.locator('.notice').innerText()).trim(), t(lang, 'account-saved-token'));
      assert.equal(await page.getByRole('cell', { name: tokenName, exact: true }).count(), 0);
      await expectGoodPage(page, lang, { h1: t(lang, 'account-title') }, 'token revoked');

      await goto(page, '/');
      await expectPage(page, lang, { h1: t(lang, 'home-title', { name: newName }) });

      // Signing out everywhere ends this browser's session too.
      await goto(page, '/account');
      response = await submit(page, t(lang, 'sign-out-everywhere'));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'signed-out-everywhere-title') });
      await goto(page, '/account');
      assert.equal(new URL(page.url()).pathname, '/sign-in');
      await page.context().close();
    });

    test('the language link: before and after signing in, back to the same page', async () => {
      const page = await open();
      await goto(page, '/reset-password');
      await expectPage(page, lang, { h1: t(lang, 'reset-title') });
      const link = page.locator('header').getByRole('link', { name: t(lang, 'switch-language'), exact: true });
      assert.equal(await link.getAttribute('lang'), other(lang));
      await follow(page, t(lang, 'switch-language'));
      assert.equal(new URL(page.url()).pathname, '/reset-password');
      await expectGoodPage(page, other(lang), { h1: t(other(lang), 'reset-title') });

      // The choice holds after signing in, over the account's own language.
      await goto(page, '/sign-in');
      const response = await submitSignIn(page, other(lang), member.email, DEMO_PASSWORD);
      assert.equal(response.status(), 200);
      await expectPage(page, other(lang), { h1: t(other(lang), 'home-title', { name: member.name }) });
      await follow(page, FAMILY_COOP);
      const coopPath = new URL(page.url()).pathname;
      await follow(page, t(other(lang), 'switch-language'));
      assert.equal(new URL(page.url()).pathname, coopPath);
      await expectGoodPage(page, lang, { h1: FAMILY_COOP });
      await page.context().close();
    });
  });
}
});
