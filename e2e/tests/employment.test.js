// Employing PAs in the pages, in English and in Welsh, with JavaScript on and
// off: the chair's list of PAs, the hiring form sent empty (every problem at
// its field), what expires soon, a PA's record, a DBS check recorded after a
// bad date is refused at its field; a PA sees their own record;
// a supported person sees the PAs who support them. axe-core must find
// nothing on any of them, and the record reads at a phone's width.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS, PEOPLE, FAMILY_COOP, t, launch, newPage, goto, expectGoodPage, errorSummary, submit,
  signInShowing, coopIds,
} from '../lib/cylch.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signedIn(lang, person, js) {
  const page = await newPage(browser, { lang, js });
  await signInShowing(page, lang, person);
  const base = `/coops/${(await coopIds(page))[FAMILY_COOP]}/employment`;
  return { page, base };
}

/** Nothing on the page is wider than a phone's screen (WCAG 1.4.10). */
async function expectNoSidewaysScroll(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${page.url()} is ${scrollWidth}px wide on a ${innerWidth}px screen`);
}

describe('employing PAs', { concurrency: 2 }, () => {
  for (const lang of LANGS) {
    for (const js of [true, false]) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`;

      test(`the chair keeps the PAs' records (${label})`, async () => {
        const { page, base } = await signedIn(lang, PEOPLE.carys, js);
        let response = await goto(page, base);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, 'employment-title') }, 'the PAs');
        const text = await page.locator('main').innerText();
        assert.ok(text.includes(PEOPLE.sian.name), 'the demo employs Siân');

        // The hiring form, sent empty: 422, with a summary linking to fields.
        response = await goto(page, `${base}/hire`);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, 'employment-hire-title') }, 'hire');
        response = await submit(page, t(lang, 'employment-hire-button'));
        assert.equal(response.status(), 422);
        const problems = await errorSummary(page);
        assert.ok(problems.length >= 3, 'each missing field is named');
        await expectGoodPage(page, lang, { h1: t(lang, 'employment-hire-title') }, 'hire with problems');

        response = await goto(page, `${base}/due`);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, {}, 'expiring soon');

        // A PA's record, from the list.
        await goto(page, base);
        const first = page.locator('main table a').first();
        const href = await first.getAttribute('href');
        response = await goto(page, href);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, {}, 'a PA');
        assert.ok(!(await page.locator('main').innerText()).match(/[A-Z]{2} ?\d\d ?\d\d ?\d\d ?[A-D]/),
          'the NI number is masked until asked for');
      });
    }

    for (const js of [true, false]) {
      test(`the chair records a DBS check, a bad date refused at its field (${lang}, JavaScript ${js ? 'on' : 'off'})`, async () => {
        const { page, base } = await signedIn(lang, PEOPLE.carys, js);
        await goto(page, base);
        const href = await page.getByRole('link', { name: PEOPLE.owain.name, exact: true }).getAttribute('href');
        let response = await goto(page, href);
        assert.equal(response.status(), 200);
        const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
        const dbs = page.locator('form[action$="/dbs"]');
        await dbs.locator('#dbs_certificate').fill('0012 3456 7899');
        await dbs.locator('#dbs_issued').fill(day(-10));
        await dbs.locator('#dbs_barred_list').check();
        // A status check before the certificate was issued cannot be.
        await dbs.locator('#dbs_status_checked_on').fill(day(-20));
        [response] = await Promise.all([page.waitForNavigation(), dbs.getByRole('button').click()]);
        assert.equal(response.status(), 422);
        const problems = await errorSummary(page);
        assert.deepEqual(problems.map((p) => p.href), ['#dbs_status_checked_on']);
        await expectGoodPage(page, lang, {}, 'a check refused');
        // Mended, the check is recorded and the record shows it.
        const again = page.locator('form[action$="/dbs"]');
        await again.locator('#dbs_status_checked_on').fill('');
        await again.locator('#dbs_certificate').fill('0012 3456 7899');
        await again.locator('#dbs_issued').fill(day(-10));
        await again.locator('#dbs_barred_list').check();
        [response] = await Promise.all([page.waitForNavigation(), again.getByRole('button').click()]);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, {}, 'a check recorded');
        const checks = await page.locator('#checks + dl').innerText();
        assert.ok(checks.includes('7899'), checks);
      });
    }

    test(`a PA sees their own record, a supported person their PAs (${lang})`, async () => {
      const pa = await signedIn(lang, PEOPLE.sian, true);
      let response = await goto(pa.page, pa.base);
      assert.equal(response.status(), 200);
      assert.notEqual(new URL(pa.page.url()).pathname, pa.base, 'a PA is taken to their own record');
      await expectGoodPage(pa.page, lang, {}, 'own record');

      const phone = await newPage(browser, { lang, phone: true });
      await signInShowing(phone, lang, PEOPLE.sian);
      await goto(phone, new URL(pa.page.url()).pathname);
      await expectNoSidewaysScroll(phone);

      const supported = await signedIn(lang, PEOPLE.megan, true);
      response = await goto(supported.page, supported.base);
      assert.equal(response.status(), 200);
      await expectGoodPage(supported.page, lang, {}, 'their PAs');
      const seen = await supported.page.locator('main').innerText();
      assert.ok(!seen.match(/[A-Z]{2} ?\d\d ?\d\d ?\d\d ?[A-D]/), 'no NI number');
    });
  }
});
