// Every page of Cylch, in English and in Welsh, signed out and signed in as
// each kind of person, including forms in their error state and the error
// pages: axe-core (WCAG 2.0, 2.1 and 2.2 A and AA) must find nothing, and each
// page must be in its language with a title and one h1. The main pages are
// checked again at a phone's size, where nothing may scroll sideways.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS, PEOPLE, FAMILY_COOP, PA_COOP, t, launch, newPage, goto, expectGoodPage, expectPage,
  expectAccessible, expectFormErrors, errorSummary, submit, follow, signInShowing, coopIds, linkFromOutbox,
  waitForFocus,
} from '../lib/cylch.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const other = (lang) => (lang === 'en' ? 'cy' : 'en');

async function signInIn(lang, person, options = {}) {
  const page = await newPage(browser, { lang, ...options });
  await signInShowing(page, lang, person);
  return page;
}

/**
 * Nothing on the page is wider than the screen (WCAG 1.4.10, reflow): at the
 * phone's width, and at 320 CSS pixels, the width the criterion names.
 */
async function expectNoSidewaysScroll(page) {
  const size = page.viewportSize();
  for (const width of [size.width, 320]) {
    await page.setViewportSize({ width, height: size.height });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    assert.ok(scrollWidth <= innerWidth, `${page.url()} is ${scrollWidth}px wide on a ${innerWidth}px screen`);
  }
  await page.setViewportSize(size);
}

// The two languages run side by side.
describe('every page', { concurrency: 2 }, () => {
for (const lang of LANGS) {
  describe(`pages in ${lang === 'en' ? 'English' : 'Welsh'}`, () => {
    test('signed out: sign-in, reset, links that no longer work, not found', async () => {
      const page = await newPage(browser, { lang });
      let response = await goto(page, '/sign-in');
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'sign-in-title') });

      // The sign-in form with nothing filled in.
      response = await submit(page, t(lang, 'sign-in-button'));
      await expectFormErrors(page, response, lang, [
        { id: 'email', message: 'error-field-missing' },
        { id: 'password', message: 'error-field-missing' },
      ]);
      await expectGoodPage(page, lang, { h1: t(lang, 'sign-in-title') }, 'sign-in with errors');

      for (const [path, notice] of [['/sign-in?expired=1', 'sign-in-expired'], ['/sign-in?reset=1', 'reset-done']]) {
        await goto(page, path);
        assert.equal((await page.locator('.notice').innerText()).trim(), t(lang, notice));
        await expectGoodPage(page, lang, { h1: t(lang, 'sign-in-title') });
      }

      // A page that needs signing in sends you to sign in, then back.
      response = await goto(page, '/account');
      assert.equal(new URL(page.url()).pathname, '/sign-in');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/account');

      response = await goto(page, '/reset-password');
      await expectGoodPage(page, lang, { h1: t(lang, 'reset-title') });
      await page.getByLabel(t(lang, 'field-email'), { exact: true }).fill('not an address');
      response = await submit(page, t(lang, 'reset-send'));
      await expectFormErrors(page, response, lang, [{ id: 'email', message: 'error-email-format' }]);
      assert.equal(await page.getByLabel(t(lang, 'field-email'), { exact: true }).inputValue(), 'not an address');
      await expectGoodPage(page, lang, { h1: t(lang, 'reset-title') }, 'reset request with errors');
      await page.getByLabel(t(lang, 'field-email'), { exact: true }).fill(`nobody-${lang}@example.test`);
      response = await submit(page, t(lang, 'reset-send'));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'reset-sent-title') });

      response = await goto(page, `/reset-password/${'0'.repeat(64)}`);
      assert.equal(response.status(), 404);
      await expectGoodPage(page, lang, { h1: t(lang, 'reset-expired-title') });

      response = await goto(page, `/invitations/${'0'.repeat(64)}`);
      assert.equal(response.status(), 404);
      await expectGoodPage(page, lang, { h1: t(lang, 'invitation-gone-title') });

      for (const path of ['/no-such-page', '/language/fr?next=/', '/static/nothing.css']) {
        response = await goto(page, path);
        assert.equal(response.status(), 404, path);
        await expectGoodPage(page, lang, { h1: t(lang, 'error-not-found-title') }, path);
      }

      // A page used in a way it does not answer.
      response = await goto(page, '/sign-out');
      assert.equal(response.status(), 405);
      await expectGoodPage(page, lang, { h1: t(lang, 'error-method-not-allowed-title') }, 'GET /sign-out');

      // A form whose token has gone stale.
      await goto(page, '/sign-in');
      await page.locator('input[name=csrf]').first().evaluate((input) => { input.value = 'stale'; });
      response = await submit(page, t(lang, 'sign-in-button'));
      assert.equal(response.status(), 403);
      await expectGoodPage(page, lang, { h1: t(lang, 'error-csrf-title') }, 'stale form');
      await page.context().close();
    });

    test('signed in as the chair of a family co-operative: home, co-operative, audit trail, account', async () => {
      const page = await signInIn(lang, PEOPLE.carys);
      await expectGoodPage(page, lang, { h1: t(lang, 'home-title', { name: PEOPLE.carys.name }) });
      const ids = await coopIds(page);
      assert.ok(ids[FAMILY_COOP], 'Carys sees her co-operative');

      await follow(page, FAMILY_COOP);
      await expectGoodPage(page, lang, { h1: FAMILY_COOP });
      await follow(page, t(lang, 'coop-audit-link'));
      await expectGoodPage(page, lang, { h1: t(lang, 'audit-title') });
      assert.ok(await page.locator('tbody tr').count() > 0, 'the audit trail has entries');

      let response = await goto(page, '/account');
      await expectGoodPage(page, lang, { h1: t(lang, 'account-title') });
      for (const saved of ['details', 'password', 'token']) {
        await goto(page, `/account?saved=${saved}`);
        assert.equal((await page.locator('.notice').innerText()).trim(), t(lang, `account-saved-${saved}`));
        await expectAccessible(page, `account saved ${saved}`);
      }

      // Each form on the account page, sent with problems.
      await goto(page, '/account');
      await page.getByLabel(t(lang, 'field-name'), { exact: true }).fill('');
      await page.getByLabel(t(lang, 'field-email'), { exact: true }).fill('carys@');
      response = await submit(page, t(lang, 'save-details'));
      await expectFormErrors(page, response, lang, [
        { id: 'name', message: 'error-field-missing' },
        { id: 'email', message: 'error-email-format' },
      ]);
      assert.equal(await page.getByLabel(t(lang, 'field-email'), { exact: true }).inputValue(), 'carys@');
      await expectGoodPage(page, lang, { h1: t(lang, 'account-title') }, 'account details with errors');

      await goto(page, '/account');
      await page.getByLabel(t(lang, 'field-current-password'), { exact: true }).fill('not-my-password');
      await page.getByLabel(t(lang, 'field-new-password'), { exact: true }).fill('short');
      response = await submit(page, t(lang, 'save-password'));
      await expectFormErrors(page, response, lang, [
        { id: 'current', message: 'error-current-password' },
        { id: 'password', message: 'error-password-short' },
      ]);
      await expectGoodPage(page, lang, { h1: t(lang, 'account-title') }, 'password change with errors');

      await goto(page, '/account');
      response = await submit(page, t(lang, 'token-create'));
      await expectFormErrors(page, response, lang, [{ id: 'token_name', message: 'error-field-missing' }]);
      await expectGoodPage(page, lang, { h1: t(lang, 'account-title') }, 'new token with errors');

      // The language link on a form sent back with problems still works.
      await goto(page, '/account');
      await page.getByLabel(t(lang, 'field-current-password'), { exact: true }).fill('x');
      await submit(page, t(lang, 'save-password'));
      response = await follow(page, t(lang, 'switch-language'));
      assert.equal(response.status(), 200, 'switching language after a refused form');
      await expectPage(page, other(lang), { h1: t(other(lang), 'account-title') });
      await follow(page, t(other(lang), 'switch-language'));
      await expectPage(page, lang, { h1: t(lang, 'account-title') });

      // A co-operative that is not yours is not found.
      response = await goto(page, '/coops/0123456789abcdef0123456789abcdef');
      assert.equal(response.status(), 404);
      await expectGoodPage(page, lang, { h1: t(lang, 'error-not-found-title') }, 'unknown co-operative');
      response = await goto(page, '/admin');
      assert.equal(response.status(), 403);
      await expectGoodPage(page, lang, { h1: t(lang, 'error-forbidden-title') }, 'admin page refused');
      await page.context().close();
    });

    test('the support register: the page, its forms with problems, the four-person rule', async () => {
      const page = await signInIn(lang, PEOPLE.carys);
      const ids = await coopIds(page);
      await goto(page, `/coops/${ids[FAMILY_COOP]}`);
      await follow(page, t(lang, 'support-link'));
      const supportPath = new URL(page.url()).pathname;
      assert.equal(supportPath, `/coops/${ids[FAMILY_COOP]}/support`);
      await expectGoodPage(page, lang, { h1: t(lang, 'support-title') });

      const addForm = page.locator('form', { has: page.getByRole('button', { name: t(lang, 'support-add-button') }) });
      let response = await submit(page, t(lang, 'support-add-button'));
      await expectFormErrors(page, response, lang, [
        { id: 'name', message: 'error-field-missing' },
        { id: 'starts_on', message: 'error-field-missing' },
      ]);
      await expectGoodPage(page, lang, { h1: t(lang, 'support-title') }, 'support add with errors');

      await goto(page, supportPath);
      response = await submit(page, t(lang, 'support-ciw-button'));
      await expectFormErrors(page, response, lang, [
        { id: 'registration_number', message: 'error-field-missing' },
        { id: 'registered_on', message: 'error-field-missing' },
      ]);
      await expectGoodPage(page, lang, { h1: t(lang, 'support-title') }, 'CIW registration with errors');
      // The language link on the refused form leads back to the register.
      response = await follow(page, t(lang, 'switch-language'));
      assert.equal(response.status(), 200, 'switching language after a refused form');
      await expectPage(page, other(lang), { h1: t(other(lang), 'support-title') });
      await follow(page, t(other(lang), 'switch-language'));

      // Places for people until the four-person rule refuses one, with its explanation.
      let refused = false;
      for (let i = 0; i < 3 && !refused; i++) {
        await goto(page, supportPath);
        await addForm.getByLabel(t(lang, 'support-field-name'), { exact: true }).fill(`Person ${lang} ${i}`);
        await addForm.getByLabel(t(lang, 'support-field-starts'), { exact: true }).fill('2026-01-05');
        response = await submit(page, t(lang, 'support-add-button'));
        refused = response.status() === 422;
      }
      assert.ok(refused, 'a fifth person is refused');
      const refusal = page.locator('.error-summary', { hasText: t(lang, 'support-refused-title') });
      assert.equal(await refusal.count(), 1);
      await waitForFocus(page, '.error-summary');
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true,
        'the refusal has focus when the page loads');
      assert.ok((await page.title()).startsWith(`${t(lang, 'error-title-prefix')} `));
      await expectGoodPage(page, lang, { h1: t(lang, 'support-title') }, 'support refused');
      await page.context().close();
    });

    test('the support register: ending support with a problem points at that person\'s field', async () => {
      const page = await signInIn(lang, PEOPLE.carys);
      const ids = await coopIds(page);
      await goto(page, `/coops/${ids[FAMILY_COOP]}/support`);
      const endForm = page.locator('form', { has: page.getByRole('button', { name: t(lang, 'support-end-button') }) }).first();
      // Each person's form names its fields by the person, so the ids stay unique on the page.
      const person = (await endForm.getAttribute('action')).split('/').at(-2);
      await endForm.getByLabel(t(lang, 'support-field-ends'), { exact: true }).fill('');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        endForm.getByRole('button', { name: t(lang, 'support-end-button') }).click(),
      ]);
      await expectFormErrors(page, response, lang, [
        { id: `ends_on-${person}`, name: 'ends_on', message: 'error-field-missing' },
      ]);
      assert.equal(await page.locator(`#ends_on-${person}`).inputValue(), '', 'what was typed is kept');
      assert.equal(await page.locator('[aria-invalid="true"]').count(), 1, 'only that person\'s field is marked');
      await expectGoodPage(page, lang, { h1: t(lang, 'support-title') }, 'ending support with errors');
      await page.context().close();
    });

    test('signed in as a PA: the PA co-operative; its audit trail and registers refused', async () => {
      const page = await signInIn(lang, PEOPLE.owain);
      await expectGoodPage(page, lang, { h1: t(lang, 'home-title', { name: PEOPLE.owain.name }) });
      const ids = await coopIds(page);
      assert.ok(ids[PA_COOP]);
      await goto(page, `/coops/${ids[PA_COOP]}`);
      await expectGoodPage(page, lang, { h1: PA_COOP });
      assert.equal(await page.getByRole('link', { name: t(lang, 'coop-audit-link') }).count(), 0);
      let response = await goto(page, `/coops/${ids[PA_COOP]}/audit`);
      assert.equal(response.status(), 403);
      await expectGoodPage(page, lang, { h1: t(lang, 'error-forbidden-title') }, 'audit refused');
      response = await goto(page, `/coops/${ids[PA_COOP]}/support`);
      assert.equal(response.status(), 403);
      await expectGoodPage(page, lang, { h1: t(lang, 'error-forbidden-title') }, 'support register refused');
      response = await goto(page, `/coops/${ids[PA_COOP]}/register`);
      assert.equal(response.status(), 403);
      await expectGoodPage(page, lang, { h1: t(lang, 'error-forbidden-title') }, 'members\' register refused');
      await page.context().close();
    });

    test('the registers of members and officers: the page, and an entry sent back with a problem', async () => {
      const page = await signInIn(lang, PEOPLE.carys);
      const ids = await coopIds(page);
      await goto(page, `/coops/${ids[FAMILY_COOP]}`);
      await follow(page, t(lang, 'register-link'));
      const registerPath = new URL(page.url()).pathname;
      assert.equal(registerPath, `/coops/${ids[FAMILY_COOP]}/register`);
      await expectGoodPage(page, lang, { h1: t(lang, 'register-title') });
      assert.ok(await page.getByRole('rowheader', { name: PEOPLE.carys.name, exact: true }).count() >= 1);

      const entry = page.locator('form', { has: page.getByRole('button', { name: t(lang, 'register-save') }) }).first();
      await entry.getByLabel(t(lang, 'register-col-shares'), { exact: true }).fill('lots');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        entry.getByRole('button', { name: t(lang, 'register-save') }).click(),
      ]);
      assert.equal(response.status(), 422);
      assert.ok((await page.title()).startsWith(`${t(lang, 'error-title-prefix')} `));
      await expectAccessible(page, 'register entry with errors');
      // The language link on the refused form leads back to the registers.
      const switched = await follow(page, t(lang, 'switch-language'));
      assert.equal(switched.status(), 200, 'switching language after a refused form');
      await expectPage(page, other(lang), { h1: t(other(lang), 'register-title') });
      await page.context().close();
    });

    test('the registers: an entry sent back with a problem points at that member\'s field', async () => {
      const page = await signInIn(lang, PEOPLE.carys);
      const ids = await coopIds(page);
      await goto(page, `/coops/${ids[FAMILY_COOP]}/register`);
      const entry = page.locator('form', { has: page.getByRole('button', { name: t(lang, 'register-save') }) }).first();
      // Each member's form names its fields by the member, so the ids stay unique on the page.
      const member = (await entry.getAttribute('action')).split('/').pop();
      await entry.getByLabel(t(lang, 'register-col-shares'), { exact: true }).fill('lots');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        entry.getByRole('button', { name: t(lang, 'register-save') }).click(),
      ]);
      await expectFormErrors(page, response, lang, [
        { id: `shares-${member}`, name: 'shares', message: 'register-error-shares' },
      ]);
      assert.equal(await page.locator(`#shares-${member}`).inputValue(), 'lots', 'what was typed is kept');
      assert.equal(await page.locator('[aria-invalid="true"]').count(), 1, 'only that member\'s field is marked');
      await page.context().close();
    });

    test('the PA co-operative\'s coordinator: its support page has no places to give', async () => {
      const page = await signInIn(lang, PEOPLE.sian);
      const ids = await coopIds(page);
      await goto(page, `/coops/${ids[PA_COOP]}/support`);
      await expectGoodPage(page, lang, { h1: t(lang, 'support-title') });
      assert.ok((await page.locator('main').innerText()).includes(t(lang, 'support-pa-coop')));
      await page.context().close();
    });

    test('the instance administrator: admin, invite, their error states; a member accepts', async () => {
      const page = await signInIn(lang, PEOPLE.admin);
      await expectGoodPage(page, lang);
      assert.equal((await page.locator('main p').first().innerText()).trim(), t(lang, 'home-no-coops'));
      await follow(page, t(lang, 'nav-admin'), page.locator('header'));
      await expectGoodPage(page, lang, { h1: t(lang, 'admin-title') });

      let response = await submit(page, t(lang, 'admin-create-button'));
      await expectFormErrors(page, response, lang, [
        { id: 'name', message: 'error-field-missing' },
        { id: 'kind', message: 'error-field-missing' },
      ]);
      await expectGoodPage(page, lang, { h1: t(lang, 'admin-title') }, 'create co-operative with errors');
      // Following the summary's link to the kind lands on its first choice.
      await page.locator('.error-summary a[href="#kind"]').click();
      await waitForFocus(page, '[name="kind"]');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'kind');

      const coopName = `Cydweithfa Prawf Tudalennau ${lang}`;
      await page.getByLabel(t(lang, 'field-coop-name'), { exact: true }).fill(coopName);
      await page.getByLabel(t(lang, 'kind-pa_coop'), { exact: true }).check();
      response = await submit(page, t(lang, 'admin-create-button'));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'invite-title', { coop: coopName }) });

      response = await submit(page, t(lang, 'invite-send'));
      await expectFormErrors(page, response, lang, [
        { id: 'name', message: 'error-field-missing' },
        { id: 'email', message: 'error-field-missing' },
      ]);
      await expectGoodPage(page, lang, { h1: t(lang, 'invite-title', { coop: coopName }) }, 'invite with errors');

      // Invite someone who already has an account: she accepts while signed in.
      const member = PEOPLE.sian;
      await page.getByLabel(t(lang, 'field-name'), { exact: true }).fill(member.name);
      await page.getByLabel(t(lang, 'field-email'), { exact: true }).fill(member.email);
      await page.getByLabel(t(lang, 'office-secretary'), { exact: true }).check();
      response = await submit(page, t(lang, 'invite-send'));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'invite-sent-title') });
      assert.match(await page.locator('main').innerText(), new RegExp(member.email.replace(/\./g, '\\.')));
      const { link } = await linkFromOutbox(member.email, '/invitations/', { contains: coopName });

      // The list of co-operatives now has the new one.
      await goto(page, '/admin');
      assert.ok(await page.getByRole('cell', { name: coopName, exact: true }).count() === 1);
      await expectAccessible(page, 'admin with the new co-operative');
      await page.context().close();

      const memberPage = await signInIn(lang, member);
      await memberPage.goto(link);
      await expectGoodPage(memberPage, lang, { h1: t(lang, 'invitation-title') });
      response = await submit(memberPage, t(lang, 'invitation-accept'));
      assert.equal(response.status(), 200);
      assert.match(new URL(memberPage.url()).pathname, /^\/coops\/[0-9a-f]+$/);
      await expectGoodPage(memberPage, lang, { h1: coopName });
      await memberPage.context().close();
    });

    test('at a phone\'s size: the main pages, without sideways scrolling', async () => {
      const page = await newPage(browser, { lang, phone: true });
      await goto(page, '/sign-in');
      await expectNoSidewaysScroll(page);
      await expectGoodPage(page, lang, {}, 'phone sign-in');
      const response = await submit(page, t(lang, 'sign-in-button'));
      assert.equal(response.status(), 422);
      await expectNoSidewaysScroll(page);
      await expectGoodPage(page, lang, {}, 'phone sign-in with errors');
      await goto(page, '/no-such-page');
      await expectNoSidewaysScroll(page);
      await expectGoodPage(page, lang, {}, 'phone not found');
      await page.context().close();

      const chair = await signInIn(lang, PEOPLE.carys, { phone: true });
      const ids = await coopIds(chair);
      for (const path of ['/', `/coops/${ids[FAMILY_COOP]}`, `/coops/${ids[FAMILY_COOP]}/audit`,
        `/coops/${ids[FAMILY_COOP]}/support`, `/coops/${ids[FAMILY_COOP]}/register`, '/account']) {
        await goto(chair, path);
        await expectNoSidewaysScroll(chair);
        await expectGoodPage(chair, lang, {}, `phone ${path}`);
      }
      await chair.context().close();

      const admin = await signInIn(lang, PEOPLE.admin, { phone: true });
      await goto(admin, '/admin');
      await expectNoSidewaysScroll(admin);
      await expectGoodPage(admin, lang, {}, 'phone admin');
      const invite = admin.locator('a[href$="/invite"]').first();
      await Promise.all([admin.waitForNavigation(), invite.click()]);
      await expectNoSidewaysScroll(admin);
      await expectGoodPage(admin, lang, {}, 'phone invite');
      await admin.context().close();
    });
  });
}
});
