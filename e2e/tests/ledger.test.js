// The treasurer's quarter, in a browser: record a person's Direct Payment
// arrangement, the money received and spent, upload the bank's statement
// (a bank Cylch knows, then one it does not, through the column-mapping
// screen, and a bad file refused whole), reconcile it, and download the
// person's council return as CSV and PDF and read it as a printable page;
// then the late payments flagged, the trial balance, the year's accounts
// and budget against spending. Every
// ledger page on the way is checked with axe, in English and Welsh, with
// JavaScript on and off.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PEOPLE, FAMILY_COOP, t, launch, newPage, goto, expectGoodPage, signInShowing, coopIds, submit, follow,
} from '../lib/cylch.js';

const here = dirname(fileURLToPath(import.meta.url));

// The ledger's own messages live in its area's Fluent files.
function areaMessages(lang) {
  const file = join(here, '..', '..', 'crates', 'web', 'locales', lang, 'ledger.ftl');
  const out = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([a-z][a-z0-9_-]*)\s*=\s*(.*)$/.exec(line);
    if (m) out.set(m[1], m[2].trim());
  }
  return out;
}
const AREA = { en: areaMessages('en'), cy: areaMessages('cy') };

/** A ledger message from its area file, or from the shared files. */
function lt(lang, id, args = {}) {
  const text = AREA[lang].get(id);
  if (text === undefined) return t(lang, id, args);
  return text.replace(/\{\s*\$([a-z_]+)\s*\}/g, (_, name) => String(args[name]));
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Each run keeps to its own quarter, person, amounts and descriptions, so
// the four share one demo co-operative without touching each other's figures.
const RUNS = [
  { lang: 'en', js: true, person: 'Megan Evans', year: 2025, month: '04', dp: '1200.00', dpText: '£1,200.00', spend: '12.50', spendText: '£12.50', tag: 'ALPHA' },
  { lang: 'en', js: false, person: 'Rhys Jones', year: 2025, month: '07', dp: '1100.00', dpText: '£1,100.00', spend: '23.40', spendText: '£23.40', tag: 'BRAVO' },
  { lang: 'cy', js: true, person: 'Tomos Hughes', year: 2025, month: '10', dp: '950.00', dpText: '£950.00', spend: '31.75', spendText: '£31.75', tag: 'CHARLIE' },
  { lang: 'cy', js: false, person: 'Megan Evans', year: 2026, month: '01', dp: '1250.00', dpText: '£1,250.00', spend: '44.10', spendText: '£44.10', tag: 'DELTA' },
];

function quarterEnd(year, month) {
  const end = { '01': '03-31', '04': '06-30', '07': '09-30', '10': '12-31' }[month];
  return `${year}-${end}`;
}

/** A statement as Lloyds exports it: the receipt and the spending of this run. */
function lloydsFile(run) {
  const d = (day) => `${day}/${run.month}/${run.year}`;
  return [
    'Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance',
    `${d('02')},BGC,'30-99-50,12345678,CYNGOR GWYNEDD DP ${run.tag},,${run.dp},`,
    `${d('12')},DEB,'30-99-50,12345678,CANOLFAN HAMDDEN ${run.tag},${run.spend},,`,
    '',
  ].join('\n');
}

/** A credit union's export: no layout Cylch knows, dates month first. */
function creditUnionFile(run) {
  const day = '20';
  return [
    '"Account:","Undeb Credyd 42"',
    'When,Payee,Out,In,Memo',
    `${run.month}/${day}/${run.year},Raffl ${run.tag},,15.00,diolch`,
    '',
  ].join('\n');
}

async function uploadStatement(page, lang, name, text) {
  await page.locator('#statement').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  return submit(page, t(lang, 'ledger-import-button'));
}

describe('the treasurer keeps a quarter\'s books', () => {
  for (const run of RUNS) {
    const { lang, js } = run;
    test(`${lang === 'en' ? 'English' : 'Welsh'}, JavaScript ${js ? 'on' : 'off'}`, async () => {
      const page = await newPage(browser, { lang, js });
      await signInShowing(page, lang, PEOPLE.gareth);
      const coop = (await coopIds(page))[FAMILY_COOP];
      const ledger = `/coops/${coop}/ledger`;
      const first = `${run.year}-${run.month}-02`;
      let response = await goto(page, ledger);
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'ledger-title') }, 'the money page');

      // The Direct Payment arrangement.
      await page.locator('#person').selectOption({ label: run.person });
      await page.locator('#council').fill('Cyngor Gwynedd');
      await page.locator('#dp_amount').fill(run.dp);
      await page.locator('#frequency').selectOption('monthly');
      await page.locator('#starts_on').fill(first);
      response = await submit(page, t(lang, 'ledger-arrangement-button'));
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, ledger);

      // The council's payment arriving, and a swim paid from the person's fund.
      await page.locator('#receipt_person').selectOption({ label: run.person });
      await page.locator('#receipt_date').fill(first);
      await page.locator('#receipt_amount').fill(run.dp);
      await page.locator('#receipt_description').fill(`Direct Payment ${run.tag}`);
      response = await submit(page, t(lang, 'ledger-receipt-button'));
      assert.equal(response.status(), 200);
      await page.locator('#date').fill(`${run.year}-${run.month}-12`);
      await page.locator('#description').fill(`Swimming ${run.tag}`);
      await page.locator('#category').selectOption('activities');
      await page.locator('#amount').fill(run.spend);
      await page.locator('#charge_to').selectOption({ label: run.person });
      response = await submit(page, t(lang, 'ledger-spending-button'));
      assert.equal(response.status(), 200);

      // A bad file is refused whole, the line and the problem named.
      const bad = lloydsFile(run).replace(`,${run.spend},,`, ',twelve pounds,,');
      response = await uploadStatement(page, lang, 'bad.csv', bad);
      assert.equal(response.status(), 422);
      const problem = (await page.locator('.error-summary a').first().innerText()).trim();
      assert.ok(problem.startsWith(t(lang, 'ledger-bank-bad-amount', { line: 3 }).slice(0, 8)), problem);
      assert.ok(problem.includes('3'), `the line is named: ${problem}`);
      await expectGoodPage(page, lang, {}, 'a refused statement');

      // The bank's statement, uploaded as a file; the same file again adds nothing.
      response = await uploadStatement(page, lang, 'statement.csv', lloydsFile(run));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, {}, 'an imported statement');
      assert.ok((await page.locator('.notice').innerText()).includes(t(lang, 'ledger-imported', { added: 2, known: 0 })));
      await goto(page, ledger);
      response = await uploadStatement(page, lang, 'statement.csv', lloydsFile(run));
      assert.ok((await page.locator('.notice').innerText()).includes(t(lang, 'ledger-imported', { added: 0, known: 2 })));

      // Another bank's layout: the treasurer names its columns.
      await goto(page, ledger);
      response = await uploadStatement(page, lang, 'credit-union.csv', creditUnionFile(run));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: lt(lang, 'ledger-mapping-title') }, 'the column-mapping screen');
      // Sent without its choices, each missing one is named.
      response = await submit(page, lt(lang, 'ledger-mapping-button'));
      assert.equal(response.status(), 422);
      await expectGoodPage(page, lang, {}, 'the column-mapping screen with problems');
      assert.ok(await page.locator('.error-summary a[href="#date_column"]').count() === 1);
      await page.locator('#date_column').selectOption('When');
      await page.getByLabel(lt(lang, 'ledger-mapping-month-first'), { exact: true }).check();
      await page.getByLabel('Payee', { exact: true }).check();
      await page.getByLabel(lt(lang, 'ledger-mapping-style-in-out'), { exact: true }).check();
      await page.locator('#in_column').selectOption('In');
      await page.locator('#out_column').selectOption('Out');
      response = await submit(page, lt(lang, 'ledger-mapping-button'));
      assert.equal(response.status(), 200);
      assert.ok((await page.locator('.notice').innerText()).includes(t(lang, 'ledger-imported', { added: 1, known: 0 })));

      // Reconciling matches the receipt and the swim; the raffle is left to explain.
      response = await submit(page, t(lang, 'ledger-reconcile-button'));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, {}, 'the money page after reconciling');
      const open = await page.locator('main').innerText();
      assert.ok(!open.includes(`CYNGOR GWYNEDD DP ${run.tag}`), 'the receipt is matched');
      assert.ok(!open.includes(`CANOLFAN HAMDDEN ${run.tag}`), 'the swim is matched');
      assert.ok(open.includes(`Raffl ${run.tag}`), 'the raffle is not matched with anything');

      // The books, every entry.
      await follow(page, t(lang, 'ledger-entries-link'));
      await expectGoodPage(page, lang, { h1: t(lang, 'ledger-entries-title') }, 'the books');

      // A claim above the limit: the treasurer cannot approve their own.
      await goto(page, ledger);
      await follow(page, lt(lang, 'ledger-claims-link'));
      await expectGoodPage(page, lang, { h1: lt(lang, 'ledger-claims-title') }, 'payments and approvals');
      await page.locator('#claim_description').fill(`Hoist sling ${run.tag}`);
      await page.locator('#claim_category').selectOption('equipment');
      await page.locator('#claim_amount').fill('300.00');
      await page.locator('#claim_charge_to').selectOption({ label: run.person });
      response = await submit(page, lt(lang, 'ledger-claim-button'));
      assert.equal(response.status(), 200);
      const row = page.locator('tr', { has: page.getByRole('rowheader', { name: `Hoist sling ${run.tag}`, exact: true }) });
      assert.ok((await row.innerText()).includes(lt(lang, 'ledger-claim-awaiting', { have: 0, needed: 2 })));
      response = await submit(page, lt(lang, 'ledger-claim-approve-button', { claim: `Hoist sling ${run.tag}` }));
      assert.equal(response.status(), 422);
      await expectGoodPage(page, lang, {}, 'an approval of one\'s own claim, refused');
      assert.equal((await page.locator('.error-summary a').first().innerText()).trim(), t(lang, 'ledger-approval-own-claim'));

      // The person's statement and council return for the quarter.
      await goto(page, ledger);
      await follow(page, t(lang, 'ledger-statement-link', { name: run.person }));
      await page.locator('#from').fill(`${run.year}-${run.month}-01`);
      await page.locator('#to').fill(quarterEnd(run.year, run.month));
      response = await submit(page, t(lang, 'ledger-show-button'));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: t(lang, 'ledger-statement-title') }, 'the statement and return');
      const returned = page.locator('table', { has: page.locator('#return-caption') });
      const figure = async (id) => (await returned.locator('tr', { has: page.getByRole('rowheader', { name: t(lang, id), exact: true }) }).locator('td').innerText()).trim();
      assert.equal(await figure('ledger-csv-direct-payments'), run.dpText);
      assert.equal(await figure('ledger-csv-spent'), run.spendText);
      assert.equal(await figure('ledger-csv-council'), 'Cyngor Gwynedd');

      // The return as CSV, downloaded.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: t(lang, 'ledger-download-csv'), exact: true }).click(),
      ]);
      const csv = readFileSync(await download.path(), 'utf8');
      assert.ok(csv.includes(`${t(lang, 'ledger-csv-direct-payments')},${run.dp}\r\n`), csv);
      assert.ok(csv.includes(`${t(lang, 'ledger-csv-person')},${run.person}\r\n`), csv);
      assert.ok(csv.includes(`${t(lang, 'ledger-csv-from')},${run.year}-${run.month}-01\r\n`), csv);

      // The same return as a PDF, downloaded from the link beside the CSV.
      const [pdfDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: lt(lang, 'ledger-download-pdf'), exact: true }).click(),
      ]);
      const pdf = readFileSync(await pdfDownload.path());
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(pdfDownload.suggestedFilename().endsWith('.pdf'), pdfDownload.suggestedFilename());

      // The printable page: printed, the return is all there and the site's
      // navigation is not.
      await page.emulateMedia({ media: 'print' });
      assert.ok(await returned.isVisible(), 'the return prints');
      assert.equal(await figure('ledger-csv-spent'), run.spendText);
      await page.emulateMedia({ media: 'screen' });

      // The fund's forecast: a chart with the same numbers in a table.
      await goto(page, ledger);
      await follow(page, lt(lang, 'ledger-forecast-person-link', { name: run.person }));
      await expectGoodPage(page, lang, { h1: lt(lang, 'ledger-forecast-title') }, 'the forecast');
      assert.equal(await page.locator('svg[role=img] title').count(), 1);
      assert.equal(await page.locator('#forecast-caption').count(), 1);
      assert.equal(await page.locator('table:has(#forecast-caption) tbody tr').count(), 12);

      // The arrangement expects a payment every month since this run's
      // quarter: those not come are flagged on the money page.
      await goto(page, ledger);
      assert.equal(await page.locator('#attention-heading').count(), 1);
      const flagged = page.locator('table:has(#attention-caption) tr', { has: page.getByRole('rowheader', { name: run.person, exact: true }) });
      assert.ok(await flagged.count() > 0, 'missing payments are flagged');

      // The trial balance and the year's accounts.
      await follow(page, lt(lang, 'ledger-trial-link'));
      await expectGoodPage(page, lang, { h1: lt(lang, 'ledger-trial-title') }, 'the trial balance');
      await page.locator('#as_at').fill(quarterEnd(run.year, run.month));
      response = await submit(page, t(lang, 'ledger-show-button'));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: lt(lang, 'ledger-trial-title') }, 'the trial balance on a chosen day');
      const agrees = lt(lang, 'ledger-trial-agrees', { amount: '' }).split(':')[0];
      assert.ok((await page.locator('main').innerText()).includes(agrees), 'debits and credits agree');
      await goto(page, ledger);
      await follow(page, lt(lang, 'ledger-accounts-link'));
      await expectGoodPage(page, lang, { h1: lt(lang, 'ledger-accounts-title') }, 'the year\'s accounts');
      assert.equal(await page.locator('#sheet-caption').count(), 1);

      // Budget against spending: a budget set for the person's activities,
      // a form sent empty first.
      await goto(page, ledger);
      await follow(page, lt(lang, 'ledger-budget-link'));
      await expectGoodPage(page, lang, { h1: lt(lang, 'ledger-budget-title') }, 'budget against spending');
      await page.locator('#budget_from').fill('');
      await page.locator('#budget_to').fill('');
      response = await submit(page, lt(lang, 'ledger-budget-button'));
      assert.equal(response.status(), 422);
      await expectGoodPage(page, lang, {}, 'a budget with problems');
      assert.equal(await page.locator('.error-summary a[href="#budget_fund"]').count(), 1);
      assert.equal(await page.locator('.error-summary a[href="#budget_amount"]').count(), 1);
      await page.locator('#budget_fund').selectOption({ label: run.person });
      await page.locator('#budget_category').selectOption('activities');
      await page.locator('#budget_from').fill(`${run.year}-${run.month}-01`);
      await page.locator('#budget_to').fill(quarterEnd(run.year, run.month));
      await page.locator('#budget_amount').fill('100.00');
      response = await submit(page, lt(lang, 'ledger-budget-button'));
      assert.equal(response.status(), 200);
      await expectGoodPage(page, lang, { h1: lt(lang, 'ledger-budget-title') }, 'budget against spending for the quarter');
      const budgetRow = page.locator('table:has(#by-fund-caption) tr', { has: page.getByRole('rowheader', { name: run.person, exact: true }) });
      assert.ok((await budgetRow.innerText()).includes('£100.00'), await budgetRow.innerText());

      await page.context().close();
    });
  }
});
