// Timesheets in the pages, in English and in Welsh, with JavaScript on and
// off: the coordinator adds two lines to a PA's timesheet, the PA corrects
// one (the reason left out first: the problem at its field) and confirms
// the other, and the supported person approves the time spent with her.
// axe-core must find nothing on any page, and the timesheet reads at a
// phone's width.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS, PEOPLE, FAMILY_COOP, t, launch, newPage, goto, expectGoodPage, errorSummary, submit,
  signInShowing, coopIds,
} from '../lib/cylch.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signedIn(lang, person, js, phone = false) {
  const page = await newPage(browser, { lang, js, phone });
  await signInShowing(page, lang, person);
  const base = `/coops/${(await coopIds(page))[FAMILY_COOP]}/timesheets`;
  return { page, base };
}

/** A day two days ago, `YYYY-MM-DD`: in the past whatever the hour. */
function dayBefore() {
  const d = new Date(Date.now() - 2 * 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

/** The link to Ffion's timesheet, from the coordinator's list. */
async function ffionsSheet(page, base, day) {
  await goto(page, base);
  const href = await page.locator('main a', { hasText: PEOPLE.ffion.name }).first().getAttribute('href');
  return `${href.split('?')[0]}?on=${day}`;
}

async function expectNoSidewaysScroll(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${page.url()} is ${scrollWidth}px wide on a ${innerWidth}px screen`);
}

// One after another: each run approves the time the one before it added.
describe('timesheets', { concurrency: 1 }, () => {
  let run = 0;
  for (const lang of LANGS) {
    for (const js of [true, false]) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`;

      test(`a PA confirms and corrects, the supported person approves (${label})`, async () => {
        run += 1;
        const day = dayBefore();
        const minute = String(10 + run).padStart(2, '0');

        // The coordinator adds two lines by hand.
        const carys = await signedIn(lang, PEOPLE.carys, js);
        let response = await goto(carys.page, carys.base);
        assert.equal(response.status(), 200);
        await expectGoodPage(carys.page, lang, { h1: t(lang, 'timesheets-title') }, 'the timesheets');
        const sheet = await ffionsSheet(carys.page, carys.base, day);
        for (const [start, end] of [[`05:${minute}`, `06:${minute}`], [`07:${minute}`, `08:${minute}`]]) {
          response = await goto(carys.page, sheet.replace('?', '/add?'));
          assert.equal(response.status(), 200);
          await expectGoodPage(carys.page, lang, { h1: t(lang, 'timesheets-add-title') }, 'add time');
          await carys.page.getByLabel(t(lang, 'timesheets-field-start'), { exact: true }).fill(`${day}T${start}`);
          await carys.page.getByLabel(t(lang, 'timesheets-field-end'), { exact: true }).fill(`${day}T${end}`);
          response = await submit(carys.page, t(lang, 'timesheets-add-button'));
          assert.equal(response.status(), 200, 'back to the timesheet');
        }

        // Ffion corrects the first: without a reason, then with one.
        const ffion = await signedIn(lang, PEOPLE.ffion, js);
        response = await goto(ffion.page, sheet);
        assert.equal(response.status(), 200);
        await expectGoodPage(ffion.page, lang, {}, 'her timesheet');
        const row = ffion.page.locator('tbody tr', { hasText: `05:${minute}` });
        await Promise.all([
          ffion.page.waitForNavigation(),
          row.getByRole('link').first().click(),
        ]);
        await expectGoodPage(ffion.page, lang, { h1: t(lang, 'timesheets-correct-title') }, 'correct');
        await ffion.page.getByLabel(t(lang, 'timesheets-field-end'), { exact: true }).fill(`${day}T06:${String(40 + run)}`);
        response = await submit(ffion.page, t(lang, 'timesheets-correct-button'));
        assert.equal(response.status(), 422);
        const problems = await errorSummary(ffion.page);
        assert.equal(problems.length, 1, 'the reason is named');
        await expectGoodPage(ffion.page, lang, { h1: t(lang, 'timesheets-correct-title') }, 'correct with a problem');
        await ffion.page.getByLabel(t(lang, 'timesheets-field-reason'), { exact: true }).fill('Stayed for the doctor');
        response = await submit(ffion.page, t(lang, 'timesheets-correct-button'));
        assert.equal(response.status(), 200);
        assert.ok((await ffion.page.locator('main').innerText()).includes(`06:${String(40 + run)}`));

        // And confirms the rest.
        response = await submit(ffion.page, t(lang, 'timesheets-confirm-button'));
        assert.equal(response.status(), 200);
        await expectGoodPage(ffion.page, lang, {}, 'confirmed');

        const phone = await signedIn(lang, PEOPLE.ffion, js, true);
        await goto(phone.page, sheet);
        await expectNoSidewaysScroll(phone.page);

        // Megan approves the time spent with her.
        const megan = await signedIn(lang, PEOPLE.megan, js);
        response = await goto(megan.page, megan.base);
        assert.equal(response.status(), 200);
        await expectGoodPage(megan.page, lang, {}, 'time to approve');
        response = await goto(megan.page, sheet);
        assert.equal(response.status(), 200);
        await expectGoodPage(megan.page, lang, {}, 'her time with Ffion');
        response = await submit(megan.page, t(lang, 'timesheets-approve-button', { name: PEOPLE.megan.name }));
        assert.equal(response.status(), 200);
        const text = await megan.page.locator('main').innerText();
        assert.ok(text.includes(t(lang, 'timesheets-line-approved')));
        assert.ok(!text.includes(t(lang, 'timesheets-approve-button', { name: PEOPLE.megan.name })),
          'nothing is left to approve');
        await expectGoodPage(megan.page, lang, {}, 'approved');
      });
    }
  }
});
