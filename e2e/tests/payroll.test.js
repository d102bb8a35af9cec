// Pay in the pages, in English and in Welsh, with JavaScript on and off:
// the treasurer opens the pay runs and the demo's approved run with what
// it owes; a run asked for with a bad period is refused at its field; the
// chair runs the current tax month (once, in the first pass) and the
// treasurer approves it; the PA reads her payslip, on a phone's width too.
// axe-core must find nothing on any page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, LANGS, PEOPLE, FAMILY_COOP, t, launch, newPage, goto, expectGoodPage, errorSummary, submit,
  signInShowing, coopIds,
} from '../lib/cylch.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signedIn(lang, person, js, phone = false) {
  const page = await newPage(browser, { lang, js, phone });
  await signInShowing(page, lang, person);
  const coop = `/coops/${(await coopIds(page))[FAMILY_COOP]}`;
  return { page, coop };
}

async function expectNoSidewaysScroll(page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${page.url()} is ${scrollWidth}px wide on a ${innerWidth}px screen`);
}

describe('pay', { concurrency: 1 }, () => {
  let first = true;
  for (const lang of LANGS) {
    for (const js of [true, false]) {
      const label = `${lang}, JavaScript ${js ? 'on' : 'off'}`;

      test(`the treasurer runs and approves pay, the PA reads her payslip (${label})`, async () => {
        const gareth = await signedIn(lang, PEOPLE.gareth, js);
        let response = await goto(gareth.page, `${gareth.coop}/payroll`);
        assert.equal(response.status(), 200);
        await expectGoodPage(gareth.page, lang, { h1: t(lang, 'payroll-title') }, 'the pay runs');

        // A period that is not a number: told at its field, nothing run.
        const runs = await gareth.page.locator('main tbody tr').count();
        await gareth.page.getByLabel(t(lang, 'payroll-field-period'), { exact: true }).fill('naw');
        response = await submit(gareth.page, t(lang, 'payroll-start-button'));
        assert.equal(response.status(), 422);
        const links = await errorSummary(gareth.page);
        assert.deepEqual(links.map((l) => l.href), ['#period']);
        await expectGoodPage(gareth.page, lang, {}, 'the refused run');
        assert.equal(await gareth.page.locator('main tbody tr').count(), runs, 'nothing was run');

        if (first) {
          // The chair runs this tax month with the form as it comes; the
          // treasurer, another officer, approves it.
          first = false;
          const carys = await signedIn(lang, PEOPLE.carys, js);
          await goto(carys.page, `${carys.coop}/payroll`);
          response = await submit(carys.page, t(lang, 'payroll-start-button'));
          assert.equal(response.status(), 200, 'to the new run');
          const runUrl = new URL(carys.page.url()).pathname;
          await expectGoodPage(carys.page, lang, {}, 'the new run');
          await goto(gareth.page, runUrl);
          response = await submit(gareth.page, t(lang, 'payroll-approve-button'));
          assert.equal(response.status(), 200);
          await expectGoodPage(gareth.page, lang, {}, 'the approved run');
          assert.ok((await gareth.page.locator('main').innerText()).includes(t(lang, 'payroll-payee-hmrc')));
          await carys.page.context().close();
        }

        // The demo's approved run: its payslips and what it owes.
        await goto(gareth.page, `${gareth.coop}/payroll`);
        const approved = gareth.page.locator('main tbody tr', { hasText: t(lang, 'payroll-state-approved') }).last();
        const [opened] = await Promise.all([
          gareth.page.waitForNavigation(),
          approved.getByRole('link').click(),
        ]);
        assert.equal(opened.status(), 200);
        await expectGoodPage(gareth.page, lang, {}, 'an approved run');
        const text = await gareth.page.locator('main').innerText();
        assert.ok(text.includes(PEOPLE.ffion.name), 'Ffion is paid in the run');
        assert.ok(text.includes(t(lang, 'payroll-payments-heading')));
        await gareth.page.context().close();

        // Ffion reads her payslip, on a phone.
        const ffion = await signedIn(lang, PEOPLE.ffion, js, true);
        response = await goto(ffion.page, `${ffion.coop}/payslips`);
        assert.equal(response.status(), 200);
        await expectGoodPage(ffion.page, lang, { h1: t(lang, 'payslips-title') }, 'her payslips');
        const [slip] = await Promise.all([
          ffion.page.waitForNavigation(),
          ffion.page.locator('main tbody a').last().click(),
        ]);
        assert.equal(slip.status(), 200);
        await expectGoodPage(ffion.page, lang, { h1: t(lang, 'payslip-heading', { name: PEOPLE.ffion.name }) }, 'her payslip');
        const words = await ffion.page.locator('main').innerText();
        for (const id of ['payslip-tax-code', 'payslip-gross', 'payslip-net', 'payslip-hours-paid']) {
          assert.ok(words.includes(t(lang, id)), `${id} is on the payslip`);
        }
        await expectNoSidewaysScroll(ffion.page);
        const pdf = await ffion.page.getByRole('link', { name: t(lang, 'payslip-pdf-link') }).getAttribute('href');
        const download = await ffion.page.request.get(BASE + pdf);
        assert.equal(download.status(), 200);
        assert.equal(download.headers()['content-type'], 'application/pdf');
        await ffion.page.context().close();
      });
    }
  }
});
