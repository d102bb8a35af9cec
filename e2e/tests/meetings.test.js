// Meetings, as the chair of the demo family co-operative keeps them: the
// list with the AGM deadline, scheduling (first with a problem, then
// properly), notice refused when too short and then given with the
// members' written agreement, attendance with the quorum shown, the
// meeting held and its minutes drafted. axe-core checks every page on the
// way, in English and Welsh, with JavaScript on and off.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  LANGS, PEOPLE, FAMILY_COOP, launch, newPage, goto, expectGoodPage, errorSummary,
  signInShowing, coopIds, submit, follow, linkFromOutbox, waitForFocus,
} from '../lib/cylch.js';

const here = dirname(fileURLToPath(import.meta.url));

// This area's messages, from its own Fluent files.
function areaMessages(lang) {
  const file = join(here, '..', '..', 'crates', 'web', 'locales', lang, 'meetings.ftl');
  const messages = new Map();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([a-z][a-z0-9_-]*)\s*=\s*(.+)$/.exec(line);
    if (m) messages.set(m[1], m[2].trim());
  }
  return messages;
}
const MESSAGES = { en: areaMessages('en'), cy: areaMessages('cy') };

/** A meetings message, with `{ $name }` filled from `args`. */
function m(lang, id, args = {}) {
  const text = MESSAGES[lang].get(id);
  assert.ok(text !== undefined, `no message ${id} in ${lang}/meetings.ftl`);
  return text.replace(/\{\s*\$([a-z_]+)\s*\}/g, (_, name) => String(args[name]));
}

/** The words of a message before its first argument. */
function prefix(lang, id) {
  return m(lang, id).split('undefined')[0].trim();
}

function todayInWales() {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(new Date());
  const get = (type) => parts.find((p) => p.type === type).value;
  return { iso: `${get('year')}-${get('month')}-${get('day')}`, shown: `${get('day')}/${get('month')}/${get('year')}` };
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function chairRunsAMeeting(lang, js) {
  const page = await newPage(browser, { lang, js });
  await signInShowing(page, lang, PEOPLE.carys);
  const ids = await coopIds(page);
  const coop = ids[FAMILY_COOP];
  await goto(page, `/coops/${coop}`);
  let response = await follow(page, m(lang, 'meetings-link'));
  assert.equal(response.status(), 200);
  await expectGoodPage(page, lang, { h1: m(lang, 'meetings-title') }, 'the list of meetings');
  await page.getByRole('heading', { name: m(lang, 'meetings-agm-heading') }).waitFor();

  // Scheduling without saying where is refused, naming the field.
  const today = todayInWales();
  await page.getByLabel(m(lang, 'meetings-field-date'), { exact: true }).fill(today.iso);
  await page.getByLabel(m(lang, 'meetings-field-time'), { exact: true }).fill('19:00');
  await page.getByLabel(m(lang, 'meetings-field-agenda'), { exact: true }).fill(`Cyllideb / Budget (${lang}, ${js ? 'js' : 'no js'})`);
  response = await submit(page, m(lang, 'meetings-schedule-button'));
  assert.equal(response.status(), 422);
  const problems = await errorSummary(page);
  assert.deepEqual(problems.map((p) => p.href), ['#place']);
  await waitForFocus(page, '.error-summary');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  await expectGoodPage(page, lang, {}, 'the schedule form with a problem');
  await page.getByLabel(m(lang, 'meetings-field-place'), { exact: true }).fill('Neuadd y Pentref, Llanrug');
  response = await submit(page, m(lang, 'meetings-schedule-button'));
  assert.equal(response.status(), 200);
  const meetingPath = new URL(page.url()).pathname;
  assert.match(meetingPath, new RegExp(`^/coops/${coop}/meetings/[0-9a-f]{32}$`));
  await expectGoodPage(page, lang, {}, 'a scheduled meeting');

  // Same-day notice is refused with the reason; then given with consent.
  response = await submit(page, m(lang, 'meetings-send-notice-button'));
  assert.equal(response.status(), 422);
  const refusal = (await page.locator('.error-summary').innerText()).replace(/\s+/g, ' ');
  assert.ok(refusal.includes(today.shown), `the refusal names the day: ${refusal}`);
  await expectGoodPage(page, lang, {}, 'notice refused');
  const entitledText = await page.getByText(prefix(lang, 'meetings-entitled')).innerText();
  const entitled = /(\d+)/.exec(entitledText)[1];
  await page.getByLabel(m(lang, 'meetings-field-consent'), { exact: true }).fill(entitled);
  response = await submit(page, m(lang, 'meetings-send-notice-button'));
  assert.equal(response.status(), 200);
  await page.getByText(m(lang, 'meetings-notice-done')).waitFor();
  await expectGoodPage(page, lang, {}, 'notice sent');
  const meetingId = meetingPath.split('/').pop();
  const welsh = await linkFromOutbox(PEOPLE.rhys.email, `/coops/${coop}/meetings/`, { contains: meetingId });
  assert.ok(welsh.text.includes('Dyma rybudd o gyfarfod'), 'Rhys reads his notice in Welsh');

  // Everyone present; the quorum is shown once saved.
  const selects = page.locator('select[name^="a-"]');
  for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption('present');
  response = await submit(page, m(lang, 'meetings-attendance-button'));
  assert.equal(response.status(), 200);
  await page.getByText(m(lang, 'meetings-quorate')).waitFor();
  await expectGoodPage(page, lang, {}, 'attendance recorded');

  response = await submit(page, m(lang, 'meetings-hold-button'));
  assert.equal(response.status(), 200);
  await page.getByLabel(m(lang, 'meetings-field-minutes'), { exact: true }).fill('Cytunwyd ar y gyllideb. The budget was agreed.');
  response = await submit(page, m(lang, 'meetings-minutes-button'));
  assert.equal(response.status(), 200);
  await page.getByText(m(lang, 'meetings-minutes-draft')).waitFor();
  await expectGoodPage(page, lang, {}, 'minutes drafted');

  // A member without office reads the meeting and its minutes.
  const member = await newPage(browser, { lang, js });
  await signInShowing(member, lang, PEOPLE.eirlys);
  response = await goto(member, meetingPath);
  assert.equal(response.status(), 200);
  await member.getByText('The budget was agreed.', { exact: false }).waitFor();
  assert.equal(await member.locator('select[name^="a-"]').count(), 0, 'members read, they do not keep the record');
  await expectGoodPage(member, lang, {}, 'a meeting read by a member');
  await goto(member, `/coops/${coop}/meetings`);
  await expectGoodPage(member, lang, { h1: m(lang, 'meetings-title') }, 'the list read by a member');
  await member.context().close();
  await page.context().close();
}

describe('meetings', { concurrency: 1 }, () => {
  for (const lang of LANGS) {
    for (const js of [true, false]) {
      test(`the chair schedules and records a meeting (${lang}, JavaScript ${js ? 'on' : 'off'})`, async () => {
        await chairRunsAMeeting(lang, js);
      });
    }
  }
});
