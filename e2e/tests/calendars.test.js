// The rota's calendars in the pages, in English and in Welsh, with
// JavaScript on and off, at a phone's width: a PA (Elin) makes her feed's
// secret address, sees it once, a calendar reads it with no sign-in, then
// she stops it and the address is "not found". axe-core must find nothing
// on any page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, LANGS, PEOPLE, FAMILY_COOP, t, launch, newPage, goto, expectGoodPage, submit,
  signInShowing, coopIds, follow,
} from '../lib/cylch.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Nothing on the page is wider than a phone's screen (WCAG 1.4.10). */
async function expectNoSidewaysScroll(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${page.url()} is ${scrollWidth}px wide on a ${innerWidth}px screen`);
}

// One after another: every variant makes and stops the same PA's feed.
describe('the calendars', { concurrency: 1 }, () => {
  for (const lang of LANGS) {
    for (const js of [true, false]) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`;

      test(`a PA makes her calendar's address, a calendar reads it, she stops it (${label})`, async () => {
        const page = await newPage(browser, { lang, js, phone: true });
        await signInShowing(page, lang, PEOPLE.elin);
        const coop = (await coopIds(page))[FAMILY_COOP];
        // From the rota, as a PA finds it.
        let response = await goto(page, `/coops/${coop}/rota`);
        assert.equal(response.status(), 200);
        response = await follow(page, t(lang, 'calendars-rota-link'));
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, 'calendars-title') }, 'calendars');
        await expectNoSidewaysScroll(page);

        const heading = t(lang, 'calendars-line-pa', { name: PEOPLE.elin.name });
        const made = await page.getByRole('button', { name: `${t(lang, 'calendars-create')} ${heading}`, exact: true }).count();
        const button = made ? t(lang, 'calendars-create') : t(lang, 'calendars-replace');
        response = await submit(page, `${button} ${heading}`);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, 'calendars-title') }, 'address made');
        await expectNoSidewaysScroll(page);
        const field = page.getByLabel(t(lang, 'calendars-url-label'), { exact: true });
        const url = await field.inputValue();
        assert.match(url, /\/calendars\/[0-9a-f]{64}\.ics$/);
        const path = new URL(url).pathname;

        // A calendar reads it with no sign-in.
        let feed = await page.request.get(BASE + path, { headers: { Cookie: '' } });
        assert.equal(feed.status(), 200);
        assert.match(feed.headers()['content-type'], /^text\/calendar/);
        const text = await feed.text();
        assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'), text.slice(0, 80));
        assert.ok(text.includes('BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n'));
        assert.ok(text.includes('DTSTART;TZID=Europe/London:'), 'the demo has shifts for Elin');
        assert.ok(!text.includes(PEOPLE.elin.name), 'first names only');

        // She stops it; the address is "not found" from then on.
        response = await submit(page, `${t(lang, 'calendars-revoke')} ${heading}`);
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, 'calendars-title') }, 'address stopped');
        assert.ok((await page.locator('[role=status]').innerText()).includes(t(lang, 'calendars-revoked')));
        feed = await page.request.get(BASE + path);
        assert.equal(feed.status(), 404);
        await page.context().close();
      });
    }

    test(`the account page leads to the calendars (${lang})`, async () => {
      const page = await newPage(browser, { lang, js: true });
      await signInShowing(page, lang, PEOPLE.elin);
      let response = await goto(page, '/account');
      assert.equal(response.status(), 200);
      response = await follow(page, t(lang, 'calendars-account-link'));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'calendars-title') }, 'every calendar');
      await page.context().close();
    });
  }
});
