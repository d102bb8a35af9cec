// Forming a co-operative in the browser, stage by stage. The instance
// administrator creates the co-operative and invites its first officer, who
// accepts from the emailed link and then walks every task of every stage,
// recording its evidence, until the progress view shows the first general
// meeting held. The family co-operative's whole walk runs in English and in
// Welsh with JavaScript on (axe-core checks every page) and in Welsh with it
// off (every page carries no script), one task done with the keyboard alone.
// A PA co-operative and a citizen-led one show the stages of their own
// templates.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  PEOPLE, t, launch, newPage, goto, expectGoodPage, expectPage, expectFormErrors,
  submit, follow, signIn, linkFromOutbox,
} from '../lib/cylch.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const COUNCIL = 'Cyngor Gwynedd';

// What a group records for each piece of evidence, by the field's id.
const EVIDENCE = {
  date: '2026-01-15',
  document: 'Ffolder a rennir/Cofnodion',
  people_count: '5',
  fca_registration_number: 'RS009999',
  hmrc_employer_reference: '123/AB45678',
  insurer: 'Yswiriant Cydweithredol Cymru',
  policy_number: 'EL-2026-0042',
  cover_pence: '5000000',
  // A year from today, so the insurance is current whenever the test runs.
  expires_on: new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
  pension_provider: 'NEST',
  ciw_registration_number: 'SIN-00012345',
  person_name: 'Gwenno Puw',
  council: COUNCIL,
  council_reference: 'DP-77',
};

// The stages of each kind's template, in order.
const STAGES = {
  family: ['idea_and_steering_group', 'feasibility', 'members_and_rules', 'registration',
    'employer_set_up', 'direct_payments_pooling', 'first_general_meeting'],
  pa_coop: ['idea_and_steering_group', 'feasibility', 'members_and_rules', 'registration',
    'first_general_meeting'],
  citizen_led: ['idea_and_steering_group', 'feasibility', 'members_and_rules', 'registration',
    'employer_set_up', 'direct_payments_pooling', 'ciw_registration', 'first_general_meeting'],
};

/**
 * The administrator creates a co-operative of `kind` and invites its first
 * officer (the chair, the form's first choice); the officer accepts from the
 * emailed link in a browser of their own and lands on the co-operative's
 * page. Returns the officer's page.
 */
async function formedBy(lang, js, kind, coopName, invitee) {
  const admin = await newPage(browser, { lang, js });
  await signIn(admin, lang, PEOPLE.admin);
  if (PEOPLE.admin.lang !== lang) await follow(admin, t(PEOPLE.admin.lang, 'switch-language'));
  await follow(admin, t(lang, 'nav-admin'), admin.locator('header'));
  await expectPage(admin, lang, { h1: t(lang, 'admin-title') });
  await admin.getByLabel(t(lang, 'field-coop-name'), { exact: true }).fill(coopName);
  await admin.getByLabel(t(lang, `kind-${kind}`), { exact: true }).check();
  let response = await submit(admin, t(lang, 'admin-create-button'));
  assert.equal(response.status(), 200);
  await expectPage(admin, lang, { h1: t(lang, 'invite-title', { coop: coopName }) });
  await admin.getByLabel(t(lang, 'field-name'), { exact: true }).fill(invitee.name);
  await admin.getByLabel(t(lang, 'field-email'), { exact: true }).fill(invitee.email);
  assert.equal(await admin.getByLabel(t(lang, 'office-chair'), { exact: true }).isChecked(), true);
  response = await submit(admin, t(lang, 'invite-send'));
  assert.equal(response.status(), 200);
  await admin.context().close();

  const { link } = await linkFromOutbox(invitee.email, '/invitations/', { contains: coopName });
  const page = await newPage(browser, { lang, js });
  response = await page.goto(link);
  assert.equal(response.status(), 200);
  await page.getByLabel(lang === 'cy' ? 'Cymraeg' : 'English', { exact: true }).check();
  await page.getByLabel(t(lang, 'field-new-password'), { exact: true }).fill('mynydd glas a mwg');
  await page.getByLabel(t(lang, 'field-confirm-password'), { exact: true }).fill('mynydd glas a mwg');
  response = await submit(page, t(lang, 'save-password'));
  assert.equal(response.status(), 200);
  assert.match(new URL(page.url()).pathname, /^\/coops\/[0-9a-f]+$/);
  await expectPage(page, lang, { h1: coopName });
  return page;
}

/** The stage headings of the progress view, as their stage codes. */
async function stagesShown(page, lang, kind) {
  const headings = await page.locator('h2.task-list-stage').allInnerTexts();
  const names = Object.fromEntries(STAGES.citizen_led.map((code) => [t(lang, `stage-${code}`), code]));
  return headings.map((heading) => {
    const name = heading.replace(/^\d+\.\s*/, '');
    const match = Object.keys(names).find((n) => name === n || name.startsWith(`${n} `));
    assert.ok(match, `stage heading "${heading}" of a ${kind} co-operative is a known stage`);
    return names[match];
  });
}

/** The "Next" button on the progress view, if any task is left. */
function nextTask(page) {
  return page.locator('main a.button[href*="/formation/"]');
}

/** The ids of the evidence fields of the task form on the page. */
async function fieldIds(page) {
  return page.locator('main form .field').locator('input, select')
    .evaluateAll((controls) => controls.map((c) => c.id));
}

async function fillEvidence(page, ids) {
  for (const id of ids) {
    assert.ok(id in EVIDENCE, `the walk knows what to record as ${id}`);
    const control = page.locator(`#${id}`);
    if ((await control.evaluate((c) => c.tagName)) === 'SELECT') {
      await control.selectOption({ label: EVIDENCE[id] });
    } else {
      await control.fill(EVIDENCE[id]);
    }
  }
}

/** Presses Tab until the control with `id` has focus (and fails if it never does). */
async function tabTo(page, id) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  assert.fail(`Tab never reached #${id} on ${page.url()}`);
}

// A date typed into the browser's own date field goes in segment by
// segment, in the order of the browser's locale (day or month first); with
// the day and the month the same, either order gives this date.
const TYPED_DATE = { day: '03', month: '03', year: '2026', value: '2026-03-03' };

/**
 * A task done with the keyboard alone: Tab to each field, type, and Enter
 * to send.
 */
async function fillByKeyboard(page, ids) {
  const expected = {};
  for (const id of ids) {
    await tabTo(page, id);
    const type = await page.locator(`#${id}`).getAttribute('type');
    if (type === 'date') {
      await page.keyboard.type(TYPED_DATE.day + TYPED_DATE.month + TYPED_DATE.year);
      expected[id] = TYPED_DATE.value;
    } else {
      await page.keyboard.type(EVIDENCE[id]);
      expected[id] = EVIDENCE[id];
    }
  }
  for (const id of ids) {
    assert.equal(await page.locator(`#${id}`).inputValue(), expected[id], `#${id} typed by keyboard`);
  }
  const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return response;
}

describe('forming a co-operative', { concurrency: 2 }, () => {
  for (const { lang, js } of [{ lang: 'en', js: true }, { lang: 'cy', js: true }, { lang: 'cy', js: false }]) {
    const variant = `${lang === 'en' ? 'English' : 'Welsh'}, JavaScript ${js ? 'on' : 'off'}`;

    test(`a family co-operative, from the idea to the first general meeting (${variant})`, async () => {
      const coopName = `Cydweithfa Deulu'r Ffurfio ${lang} ${js ? 'gyda' : 'heb'} sgript`;
      const invitee = { name: 'Gwenllïan Ŵyn', email: `gwenllian.${lang}.${js ? 'js' : 'nojs'}@example.test` };
      const page = await formedBy(lang, js, 'family', coopName, invitee);
      await follow(page, t(lang, 'formation-link'));
      const formation = new URL(page.url()).pathname;
      await expectGoodPage(page, lang, { h1: t(lang, 'formation-title') }, 'formation at the start');
      assert.deepEqual(await stagesShown(page, lang, 'family'), STAGES.family);
      const total = await page.locator('.task-list-item').count();
      assert.equal((await page.locator('main .lead').innerText()).trim(),
        t(lang, 'formation-summary', { stage: t(lang, 'stage-idea_and_steering_group'), done: '0', total: String(total) }));

      // The council whose Direct Payments will be pooled: refused empty, then added.
      let response = await submit(page, t(lang, 'formation-add-council'));
      assert.equal(response.status(), 422);
      await expectGoodPage(page, lang, { h1: t(lang, 'formation-title') }, 'council with errors');
      await page.getByLabel(t(lang, 'formation-field-council'), { exact: true }).fill(COUNCIL);
      response = await submit(page, t(lang, 'formation-add-council'));
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, formation);
      assert.ok((await page.locator('main').innerText())
        .includes(t(lang, 'formation-councils-waiting', { councils: COUNCIL })));

      const walked = [];
      for (let step = 0; step <= total; step++) {
        const next = nextTask(page);
        if ((await next.count()) === 0) break;
        const task = (await next.getAttribute('href')).split('/').pop();
        response = await follow(page, (await next.innerText()).trim());
        assert.equal(response.status(), 200);
        await expectGoodPage(page, lang, { h1: t(lang, `task-${task}`) }, `task ${task}`);
        const ids = await fieldIds(page);

        if (task === 'employers_liability_insurance') {
          // Sent empty: every field is named in words of its own.
          response = await submit(page, t(lang, 'formation-save'));
          await expectFormErrors(page, response, lang, ids.map((id) => ({ id, message: 'error-field-missing' })));
          await expectGoodPage(page, lang, { h1: t(lang, `task-${task}`) }, `task ${task} with errors`);
          // Cover below the legal minimum is refused, and what was typed is kept.
          await fillEvidence(page, ids);
          await page.locator('#cover_pence').fill('1000000');
          response = await submit(page, t(lang, 'formation-save'));
          await expectFormErrors(page, response, lang, [{ id: 'cover_pence', message: 'governance-cover-too-low' }]);
          assert.equal(await page.locator('#insurer').inputValue(), EVIDENCE.insurer);
          await page.locator('#cover_pence').fill(EVIDENCE.cover_pence);
          response = await submit(page, t(lang, 'formation-save'));
        } else if (task === 'register_as_employer') {
          // The keyboard alone: Tab, type, Enter.
          response = await fillByKeyboard(page, ids);
        } else {
          await fillEvidence(page, ids);
          response = await submit(page, t(lang, 'formation-save'));
        }
        assert.equal(response.status(), 200, `task ${task} saved`);
        assert.equal(new URL(page.url()).pathname, formation, `back to the progress view after ${task}`);
        await expectGoodPage(page, lang, { h1: t(lang, 'formation-title') }, `formation after ${task}`);
        walked.push(task);
      }

      assert.equal(walked.length, total, `every task was walked: ${walked.join(', ')}`);
      assert.equal(walked.at(-1), 'hold_first_general_meeting');
      assert.equal(await nextTask(page).count(), 0, 'nothing is left to do');
      assert.equal((await page.locator('main .lead').innerText()).trim(),
        t(lang, 'formation-all-done', { done: String(total), total: String(total) }));
      const meeting = page.locator('h2.task-list-stage', { hasText: t(lang, 'stage-first_general_meeting') });
      assert.ok((await meeting.innerText()).includes(t(lang, 'formation-done')), 'the first general meeting is done');
      assert.equal(await page.locator('.task-list-item .tag-todo').count(), 0);
      assert.ok(!(await page.locator('main').innerText())
        .includes(t(lang, 'formation-councils-waiting', { councils: COUNCIL })), 'the council has agreed');

      // What was recorded is shown again on the task's page.
      await goto(page, `${formation}/register_as_employer`);
      await expectGoodPage(page, lang, { h1: t(lang, 'task-register_as_employer') }, 'a task already done');
      assert.equal(await page.locator('#hmrc_employer_reference').inputValue(), EVIDENCE.hmrc_employer_reference);
      assert.ok((await page.locator('main').innerText()).includes(t(lang, 'formation-task-done')));
      await page.context().close();
    });
  }

  for (const { kind, lang, js } of [
    { kind: 'pa_coop', lang: 'cy', js: true },
    { kind: 'citizen_led', lang: 'en', js: false },
  ]) {
    test(`a ${kind.replace('_', ' ')}: the stages of its own template (${lang}, JavaScript ${js ? 'on' : 'off'})`, async () => {
      const coopName = `Cydweithfa ${kind} y Ffurfio ${lang}`;
      const invitee = { name: 'Dafydd ap Siôn', email: `dafydd.${kind}.${lang}@example.test` };
      const page = await formedBy(lang, js, kind, coopName, invitee);
      await follow(page, t(lang, 'formation-link'));
      const formation = new URL(page.url()).pathname;
      await expectGoodPage(page, lang, { h1: t(lang, 'formation-title') }, `${kind} formation`);
      assert.deepEqual(await stagesShown(page, lang, kind), STAGES[kind]);
      const text = await page.locator('main').innerText();
      if (kind === 'pa_coop') {
        // A PA co-operative employs no one and pools no Direct Payments.
        assert.ok(!text.includes(t(lang, 'formation-councils')), 'no councils to add');
        assert.ok(!text.includes(t(lang, 'task-register_as_employer')));
        const response = await goto(page, `${formation}/register_as_employer`);
        assert.equal(response.status(), 404, 'an employer task is not part of its formation');
        await expectGoodPage(page, lang, { h1: t(lang, 'error-not-found-title') }, 'task outside the template');
        await goto(page, formation);
      } else {
        assert.ok(text.includes(t(lang, 'task-register_with_ciw')), 'registration with CIW is a task');
        assert.ok(text.includes(t(lang, 'formation-councils')), 'councils to add');
      }

      // Its first task, recorded: the progress view moves on.
      const total = await page.locator('.task-list-item').count();
      await follow(page, (await nextTask(page).innerText()).trim());
      await expectGoodPage(page, lang, { h1: t(lang, 'task-first_conversations') }, `${kind} first task`);
      await fillEvidence(page, await fieldIds(page));
      const response = await submit(page, t(lang, 'formation-save'));
      assert.equal(response.status(), 200);
      assert.equal(new URL(page.url()).pathname, formation);
      assert.equal((await page.locator('main .lead').innerText()).trim(),
        t(lang, 'formation-summary', { stage: t(lang, 'stage-idea_and_steering_group'), done: '1', total: String(total) }));
      await expectGoodPage(page, lang, { h1: t(lang, 'formation-title') }, `${kind} after its first task`);
      await page.context().close();
    });
  }
});
