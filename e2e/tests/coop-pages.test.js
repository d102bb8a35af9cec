// Every page a co-operative's members reach from its page (money, formation,
// registers, votes and whatever comes next), followed link by link in
// English and Welsh as an officer and as a member who holds no office; each
// of their forms is also sent empty and must come back as a well-formed
// refusal. axe-core checks every page in every state.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS, PEOPLE, FAMILY_COOP, PA_COOP, t, launch, newPage, goto, expectGoodPage, expectAccessible,
  errorSummary, signInShowing, coopIds, waitForFocus,
} from '../lib/cylch.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The pages linked from `path`'s main content that belong to the co-operative. */
async function linksFrom(page, prefix) {
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  return [...new Set(hrefs)]
    .filter((h) => h.startsWith(prefix) && !h.includes('#') && !/\.(csv|pdf)($|\?)/.test(h))
    .filter((h) => !/\/(audit)$/.test(h));
}

/** Sends each form on the page empty; a refusal must name its problems properly. */
async function sendEachFormEmpty(page, lang, path) {
  const forms = page.locator('main form[method=post]');
  const count = await forms.count();
  for (let i = 0; i < count; i++) {
    await goto(page, path);
    const form = forms.nth(i);
    const action = await form.getAttribute('action');
    const fields = form.locator('input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=file]), textarea');
    const fieldCount = await fields.count();
    if (fieldCount === 0 && (await form.locator('select, input[type=radio]').count()) === 0) continue;
    for (let f = 0; f < fieldCount; f++) await fields.nth(f).fill('');
    const [response] = await Promise.all([
      page.waitForNavigation(),
      form.locator('button[type=submit]').first().click(),
    ]);
    const where = `the form sent to ${action}`;
    assert.ok(response.status() < 500, `${where} answered ${response.status()}`);
    if (response.status() === 422) {
      assert.ok((await page.title()).startsWith(`${t(lang, 'error-title-prefix')} `), `${where}: the title says Error`);
      await waitForFocus(page, '.error-summary');
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true,
        `${where}: the problems have focus`);
      if (await page.locator('.error-summary a').count() > 0) {
        const links = await errorSummary(page);
        const texts = links.map((l) => l.text);
        assert.equal(new Set(texts).size, texts.length, `${where}: each problem in its own words: ${JSON.stringify(texts)}`);
      }
    }
    await expectGoodPage(page, lang, {}, where);
  }
}

async function crawl(lang, person, coop, { forms }) {
  const page = await newPage(browser, { lang });
  await signInShowing(page, lang, person);
  const ids = await coopIds(page);
  const prefix = `/coops/${ids[coop]}/`;
  await goto(page, `/coops/${ids[coop]}`);
  const seen = new Set();
  const queue = (await linksFrom(page, prefix)).map((href) => ({ href, depth: 1 }));
  assert.ok(queue.length > 0, `${person.email} sees links from the co-operative's page`);
  while (queue.length > 0) {
    const { href, depth } = queue.shift();
    if (seen.has(href)) continue;
    seen.add(href);
    const response = await goto(page, href);
    assert.equal(response.status(), 200, `${href} as ${person.email}`);
    await expectGoodPage(page, lang, {}, href);
    if (depth < 2) {
      // A few pages one level further down each section (statements, tasks, proposals).
      const deeper = (await linksFrom(page, prefix)).filter((h) => !seen.has(h)).slice(0, 3);
      queue.push(...deeper.map((h) => ({ href: h, depth: depth + 1 })));
    }
    if (forms) await sendEachFormEmpty(page, lang, href);
  }
  await page.context().close();
  return seen;
}

describe('the pages of a co-operative', { concurrency: 2 }, () => {
  for (const lang of LANGS) {
    describe(lang === 'en' ? 'English' : 'Welsh', () => {
      test('as the chair, with every form sent empty', async () => {
        const seen = await crawl(lang, PEOPLE.carys, FAMILY_COOP, { forms: true });
        assert.ok([...seen].some((h) => h.endsWith('/ledger')), 'the money pages are linked from the co-operative\'s page');
      });
      test('as the treasurer', async () => {
        await crawl(lang, PEOPLE.gareth, FAMILY_COOP, { forms: false });
      });
      test('as a member who holds no office, in each co-operative', async () => {
        await crawl(lang, PEOPLE.eirlys, FAMILY_COOP, { forms: false });
        await crawl(lang, PEOPLE.owain, PA_COOP, { forms: false });
      });
    });
  }
});
