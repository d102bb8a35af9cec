// Holiday in the pages, in English and in Welsh, with JavaScript on and off:
// Elin, a PA, asks for a day's holiday (first sending the form empty, each
// problem at its field); Megan, whom she supports, finds it waiting and
// approves it; Elin sees her balance fall by her working day. Megan sees
// Elin's days away but never her balance. axe-core must find nothing, and
// Elin's page reads at a phone's width.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS, PEOPLE, FAMILY_COOP, t, launch, newPage, goto, expectGoodPage, expectFormErrors, submit,
  follow, signInShowing, coopIds,
} from '../lib/cylch.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signedIn(lang, person, js, phone = false) {
  const page = await newPage(browser, { lang, js, phone });
  await signInShowing(page, lang, person);
  const coop = (await coopIds(page))[FAMILY_COOP];
  return { page, coop };
}

/** A day `days` from today, as a date field takes it and as pages show it. */
function dayFromToday(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const iso = d.toISOString().slice(0, 10);
  const [y, m, day] = iso.split('-');
  return { iso, shown: `${day}/${m}/${y}` };
}

/** The value beside a label in the balance. */
async function balance(page, lang) {
  const label = t(lang, 'leave-balance-remaining');
  const dt = page.locator('dl.details dt', { hasText: label });
  return (await dt.locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

/** Hours in "153.5 hours (20.5 days)" or "153.5 awr (20.5 diwrnod)". */
function hoursIn(text) {
  return Number(/^([0-9.]+)/.exec(text)[1]);
}

/** Elin's leave page, reached from her employment record. */
async function elinsLeave(page, coop, lang) {
  let response = await goto(page, `/coops/${coop}/employment`);
  assert.equal(response.status(), 200);
  response = await follow(page, t(lang, 'leave-link'));
  assert.equal(response.status(), 200);
  await expectGoodPage(page, lang, { h1: t(lang, 'leave-heading', { name: PEOPLE.elin.name }) }, 'own leave');
  return new URL(page.url()).pathname;
}

describe('holiday', { concurrency: 1 }, () => {
  let run = 0;
  for (const lang of LANGS) {
    for (const js of [true, false]) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`;
      run += 1;
      const day = dayFromToday(6 + run * 2);

      test(`a PA asks for holiday and the person she supports approves it (${label})`, async () => {
        const elin = await signedIn(lang, PEOPLE.elin, js);
        const path = await elinsLeave(elin.page, elin.coop, lang);
        const before = hoursIn(await balance(elin.page, lang));

        // Sent empty: every problem at its field, in the page's language.
        let response = await submit(elin.page, t(lang, 'leave-request-button'));
        await expectFormErrors(elin.page, response, lang, [
          { id: 'holiday-first_day', message: 'leave-enter-first-day' },
          { id: 'holiday-last_day', message: 'leave-enter-last-day' },
          { id: 'holiday-days', message: 'leave-enter-days' },
        ]);
        await expectGoodPage(elin.page, lang, {}, 'the request with problems');

        await elin.page.getByLabel(t(lang, 'leave-field-first-day'), { exact: true }).fill(day.iso);
        await elin.page.getByLabel(t(lang, 'leave-field-last-day'), { exact: true }).fill(day.iso);
        await elin.page.getByLabel(t(lang, 'leave-field-days'), { exact: true }).fill('1');
        response = await submit(elin.page, t(lang, 'leave-request-button'));
        assert.equal(response.status(), 200);
        assert.equal(new URL(elin.page.url()).pathname, path);
        const card = elin.page.locator('li.card', { hasText: day.shown });
        assert.ok((await card.innerText()).includes(t(lang, 'leave-state-requested')));

        // Megan finds it waiting for her decision, and approves it.
        const megan = await signedIn(lang, PEOPLE.megan, js);
        response = await goto(megan.page, `/coops/${megan.coop}/leave/requests`);
        assert.equal(response.status(), 200);
        await expectGoodPage(megan.page, lang, { h1: t(lang, 'leave-requests-title') }, 'requests to decide');
        const waiting = megan.page.locator('li.card', { hasText: day.shown });
        assert.equal(await waiting.count(), 1, 'the request waits for Megan');
        const [approved] = await Promise.all([
          megan.page.waitForNavigation(),
          waiting.getByRole('button', { name: t(lang, 'leave-approve-for', { name: PEOPLE.elin.name }) }).click(),
        ]);
        assert.equal(approved.status(), 200);
        assert.equal(await megan.page.locator('li.card', { hasText: day.shown }).count(), 0, 'decided');

        // Megan may look at Elin's days away, never her balance.
        response = await goto(megan.page, path);
        assert.equal(response.status(), 200);
        await expectGoodPage(megan.page, lang, {}, "a PA's days away");
        const seen = await megan.page.locator('main').innerText();
        assert.ok(seen.includes(day.shown), 'the approved day is shown as away');
        assert.ok(!seen.includes(t(lang, 'leave-balance-remaining')), 'no balance for Megan');

        // Elin's balance falls by her working day: 30 hours over 4 days.
        await goto(elin.page, path);
        await expectGoodPage(elin.page, lang, {}, 'own leave, approved');
        const after = hoursIn(await balance(elin.page, lang));
        assert.equal(Math.round((before - after) * 10_000), 75_000, `${before} then ${after}`);
        assert.ok((await elin.page.locator('li.card', { hasText: day.shown }).innerText())
          .includes(t(lang, 'leave-state-approved')));
        await elin.page.context().close();
        await megan.page.context().close();
      });
    }

    test(`a PA's leave reads at a phone's width (${lang})`, async () => {
      const elin = await signedIn(lang, PEOPLE.elin, true, true);
      await elinsLeave(elin.page, elin.coop, lang);
      const { scrollWidth, innerWidth } = await elin.page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.ok(scrollWidth <= innerWidth, `${scrollWidth}px wide on a ${innerWidth}px screen`);
      await elin.page.context().close();
    });
  }
});
