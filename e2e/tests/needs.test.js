// Needs and availability in the pages, in English and in Welsh, with
// JavaScript on and off: Megan (a supported person) reaches her needs from
// the rota, is told at each field what is missing from a new weekly call,
// then adds one; Siân (a PA) adds hours to her own availability. Each page
// is read at a phone's width too; axe-core must find nothing on any of them.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS, PEOPLE, FAMILY_COOP, t, launch, newPage, goto, expectGoodPage, errorSummary, submit,
  follow, signInShowing, coopIds,
} from '../lib/cylch.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signedIn(lang, person, js, phone = false) {
  const page = await newPage(browser, { lang, js, phone });
  await signInShowing(page, lang, person);
  const base = `/coops/${(await coopIds(page))[FAMILY_COOP]}/rota`;
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

describe('needs and availability', { concurrency: 2 }, () => {
  let variant = 0;
  for (const lang of LANGS) {
    for (const js of [true, false]) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`;
      // Each variant enters its own times, so that they never meet.
      const hour = String(10 + variant++).padStart(2, '0');

      test(`a supported person adds a weekly call, told first what is missing (${label})`, async () => {
        const { page, base } = await signedIn(lang, PEOPLE.megan, js, !js);
        let response = await goto(page, base);
        assert.equal(response.status(), 200);
        response = await follow(page, t(lang, 'needs-index-link'));
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, 'needs-index-title') }, 'needs and availability');
        response = await follow(page, PEOPLE.megan.name);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, {}, 'her needs');
        if (!js) await expectNoSidewaysScroll(page);
        response = await follow(page, t(lang, 'needs-add-routine'));
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, 'needs-new-routine-title') }, 'new call');

        response = await submit(page, t(lang, 'needs-add-routine'));
        assert.equal(response.status(), 422);
        const problems = await errorSummary(page);
        assert.deepEqual(problems.map((p) => p.href), ['#call', '#weekdays', '#start', '#end']);
        assert.equal(problems[1].text, t(lang, 'needs-error-weekdays'));
        await expectGoodPage(page, lang, { h1: t(lang, 'needs-new-routine-title') }, 'refused call');

        await page.getByLabel(t(lang, 'needs-call-community'), { exact: true }).check();
        await page.getByLabel(t(lang, 'rota-weekday-2'), { exact: true }).check();
        await page.fill('#start', `${hour}:15`);
        await page.fill('#end', `${hour}:45`);
        response = await submit(page, t(lang, 'needs-add-routine'));
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, {}, 'with the new call');
        const text = await page.locator('main').innerText();
        assert.ok(text.includes(`${hour}:15–${hour}:45`), text);
        if (!js) await expectNoSidewaysScroll(page);
      });

      test(`a PA adds hours to their own availability (${label})`, async () => {
        const { page, base } = await signedIn(lang, PEOPLE.sian, js, !js);
        let response = await goto(page, `${base}/needs`);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, 'needs-index-title') }, 'index as a PA');
        const index = await page.locator('main').innerText();
        assert.ok(index.includes(t(lang, 'needs-no-people')), 'a PA keeps nobody\'s needs');
        response = await follow(page, PEOPLE.sian.name);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, {}, 'own availability');
        response = await submit(page, t(lang, 'availability-slot-button'));
        assert.equal(response.status(), 422);
        const problems = await errorSummary(page);
        assert.deepEqual(problems.map((p) => p.href), ['#weekdays', '#start', '#end']);
        await expectGoodPage(page, lang, {}, 'refused hours');
        await page.getByLabel(t(lang, 'rota-weekday-6'), { exact: true }).check();
        await page.fill('#start', `${hour}:05`);
        await page.fill('#end', `${hour}:55`);
        response = await submit(page, t(lang, 'availability-slot-button'));
        assert.equal(response.status(), 200);
        const text = await page.locator('main').innerText();
        assert.ok(text.includes(`${hour}:05–${hour}:55`), text);
        await expectGoodPage(page, lang, {}, 'with the new hours');
        if (!js) await expectNoSidewaysScroll(page);
      });
    }
  }
});
