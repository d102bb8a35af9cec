// Keyboard use, in English and Welsh, with JavaScript on and off: the skip
// link is the first Tab stop and moves focus to the main content; every Tab
// stop shows a visible focus indicator and is not hidden off screen; signing
// in works with the keyboard alone.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS, PEOPLE, FAMILY_COOP, t, launch, newPage, goto, expectPage, signIn, signInShowing, coopIds, waitForFocus,
} from '../lib/cylch.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** What has focus, and whether its focus indicator can be seen. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      shadow: style.boxShadow !== 'none' && style.boxShadow !== '',
      inView: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
        && rect.top < window.innerHeight && rect.left < window.innerWidth,
      inMain: Boolean(el.closest('main')),
    };
  });
}

/** Tabs through the whole page from the top; every stop must show its focus. */
async function everyTabStopShowsFocus(page) {
  const stops = [];
  for (let i = 0; i < 100; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (!stop || (i > 0 && stop.className === 'skip-link')) break;
    const name = `${stop.tag}#${stop.id}.${stop.className} "${stop.text}" on ${page.url()}`;
    assert.ok(stop.outline || stop.shadow, `no visible focus indicator on ${name}`);
    assert.ok(stop.inView, `focus is off screen on ${name}`);
    stops.push(stop);
  }
  assert.ok(stops.length >= 3, `only ${stops.length} Tab stops on ${page.url()}`);
  return stops;
}

/** The first Tab stop is the skip link, shown; Enter moves focus to main. */
async function skipLinkWorks(page, lang) {
  await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.equal(first?.className, 'skip-link', `the first Tab stop on ${page.url()} is the skip link`);
  assert.equal(first.text, t(lang, 'skip-to-content'));
  assert.ok(first.inView, 'the skip link is on screen when it has focus');
  assert.ok(first.outline || first.shadow, 'the skip link shows its focus');
  await page.keyboard.press('Enter');
  await waitForFocus(page, '#main');
  const main = await focused(page);
  assert.equal(main?.tag, 'main', 'Enter on the skip link moves focus to main');
  assert.match(page.url(), /#main$/);
  // The next Tab goes into the main content, not back to the menu.
  await page.keyboard.press('Tab');
  const next = await focused(page);
  assert.ok(next?.inMain, `after skipping, Tab goes to the main content (got ${JSON.stringify(next)})`);
}

describe('keyboard', { concurrency: 2 }, () => {
for (const lang of LANGS) {
  for (const js of [true, false]) {
    describe(`keyboard, ${lang === 'en' ? 'English' : 'Welsh'}, JavaScript ${js ? 'on' : 'off'}`, () => {
      test('signed out: skip link, focus on every stop, signing in with the keyboard alone', async () => {
        const page = await newPage(browser, { lang, js });
        for (const path of ['/sign-in', '/reset-password', '/no-such-page']) {
          await goto(page, path);
          await skipLinkWorks(page, lang);
          await goto(page, path);
          await everyTabStopShowsFocus(page);
        }

        // Sign in with the keyboard: skip, type, Tab, type, Enter.
        const person = lang === 'en' ? PEOPLE.gareth : PEOPLE.carys;
        await goto(page, '/sign-in');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        // The skip link moves focus to main at the next rendering step; Tab goes on from there.
        await waitForFocus(page, '#main');
        await page.keyboard.press('Tab');
        assert.equal((await focused(page)).id, 'email');
        await page.keyboard.type(person.email);
        await page.keyboard.press('Tab');
        assert.equal((await focused(page)).id, 'password');
        await page.keyboard.type('cylch-demo-2026');
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        assert.equal(new URL(page.url()).pathname, '/');
        await expectPage(page, lang, { h1: t(lang, 'home-title', { name: person.name }) });
        await page.context().close();
      });

      test('signed in: home, co-operative, audit trail, support and members\' registers, account and admin pages', async () => {
        const page = await newPage(browser, { lang, js });
        const person = lang === 'en' ? PEOPLE.gareth : PEOPLE.carys;
        await signIn(page, lang, person);
        const ids = await coopIds(page);
        for (const path of ['/', `/coops/${ids[FAMILY_COOP]}`, `/coops/${ids[FAMILY_COOP]}/audit`,
          `/coops/${ids[FAMILY_COOP]}/support`, `/coops/${ids[FAMILY_COOP]}/register`, '/account']) {
          await goto(page, path);
          await skipLinkWorks(page, lang);
          await goto(page, path);
          const stops = await everyTabStopShowsFocus(page);
          if (/\/(audit|support|register)$/.test(path)) {
            assert.ok(stops.some((s) => s.className === 'table-wrap'), `the table on ${path} can be scrolled from the keyboard`);
          }
        }
        await page.context().close();

        const admin = await newPage(browser, { lang, js });
        await signInShowing(admin, lang, PEOPLE.admin);
        await goto(admin, '/admin');
        await skipLinkWorks(admin, lang);
        await goto(admin, '/admin');
        await everyTabStopShowsFocus(admin);
        await admin.context().close();
      });
    });
  }
}
});
