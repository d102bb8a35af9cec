// The rota in the pages, in English and in Welsh, with JavaScript on and
// off: the chair reads the week, adds a shift with a PA who may not work it
// (Huw, a relative in the household awaiting the council's authorisation)
// and is refused with the reason at the PA's field, then chooses a PA who
// may; a supported person reads their own shifts at a phone's width. axe-core
// must find nothing on any of them.
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
  const base = `/coops/${(await coopIds(page))[FAMILY_COOP]}/rota`;
  return { page, base };
}

/** A day some weeks ahead, past the demo's fortnight, as a date field takes it. */
function dayAhead(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** Nothing on the page is wider than a phone's screen (WCAG 1.4.10). */
async function expectNoSidewaysScroll(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${page.url()} is ${scrollWidth}px wide on a ${innerWidth}px screen`);
}

describe('the rota', { concurrency: 2 }, () => {
  let variant = 0;
  for (const lang of LANGS) {
    for (const js of [true, false]) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`;
      // Each variant plans its own day, so that they never meet.
      const day = dayAhead(20 + 2 * variant++);

      test(`the chair is refused a PA who may not work a shift, then chooses one who may (${label})`, async () => {
        const { page, base } = await signedIn(lang, PEOPLE.carys, js);
        let response = await goto(page, base);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, 'rota-title') }, 'the week');
        assert.ok((await page.locator('main').innerText()).includes(t(lang, 'rota-needs-pa')),
          'the demo leaves a call needing a PA');

        response = await goto(page, `${base}/new`);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, 'rota-new-title') }, 'new shift');
        await page.fill('#date', day);
        await page.fill('#start', '10:00');
        await page.fill('#end', '12:00');
        await page.getByLabel(PEOPLE.megan.name, { exact: true }).check();
        await page.selectOption('#pa', { label: PEOPLE.huw.name });
        response = await submit(page, t(lang, 'rota-add-button'));
        assert.equal(response.status(), 422);
        const problems = await errorSummary(page);
        assert.deepEqual(problems.map((p) => p.href), ['#pa']);
        const refusal = await page.locator('#pa-unfit').innerText();
        assert.ok(refusal.includes(t(lang, 'rota-pa-unfit', { pa: PEOPLE.huw.name })), refusal);
        assert.ok(refusal.includes(t(lang, 'rota-unfit-needs-council-authorisation')), refusal);
        await expectGoodPage(page, lang, { h1: t(lang, 'rota-new-title') }, 'refused');
        // What was typed is kept; another PA who works with Megan may.
        assert.equal(await page.inputValue('#start'), '10:00');
        await page.selectOption('#pa', { label: PEOPLE.elin.name });
        response = await submit(page, t(lang, 'rota-add-button'));
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, 'rota-shift-title') }, 'the shift');
        const shift = await page.locator('main').innerText();
        assert.ok(shift.includes(PEOPLE.elin.name), shift);
        assert.ok(shift.includes(t(lang, 'rota-candidate-fit')), 'each PA who may work it says so');
      });
    }

    test(`a supported person reads their shifts on a phone (${lang})`, async () => {
      const { page, base } = await signedIn(lang, PEOPLE.megan, true, true);
      const response = await goto(page, base);
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'rota-title') }, 'own shifts');
      await expectNoSidewaysScroll(page);
      const text = await page.locator('main').innerText();
      assert.ok(!text.includes(PEOPLE.rhys.name), "another person's shifts are not shown");
      assert.equal(await page.getByRole('link', { name: t(lang, 'rota-new-link') }).count(), 0);
    });
  }
});
