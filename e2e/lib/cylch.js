// Shared helpers for Cylch's browser tests: the browser, the server under
// test, the messages in both languages, the email outbox and the checks
// every page must pass (axe-core, language, title, one h1).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');

export const BASE = (process.env.CYLCH_E2E_URL || '').replace(/\/$/, '');
export const DATA_DIR = process.env.CYLCH_E2E_DATA_DIR || '';
if (!BASE || !DATA_DIR) {
  throw new Error('Set CYLCH_E2E_URL and CYLCH_E2E_DATA_DIR (scripts/e2e does) to a running `cylch serve --demo`');
}
export const DEMO_PASSWORD = 'cylch-demo-2026';
export const LANGS = ['en', 'cy'];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const PHONE = { width: 390, height: 844 };

// The demo's people, as `cylch serve --demo` loads them.
export const PEOPLE = {
  admin: { email: 'gweinyddwr@demo.cylch.example', lang: 'cy' },
  carys: { email: 'carys@demo.cylch.example', name: 'Carys Hughes', lang: 'cy' },
  gareth: { email: 'gareth@demo.cylch.example', name: 'Gareth Evans', lang: 'en' },
  megan: { email: 'megan@demo.cylch.example', name: 'Megan Evans', lang: 'en' },
  rhys: { email: 'rhys@demo.cylch.example', name: 'Rhys Jones', lang: 'cy' },
  tomos: { email: 'tomos@demo.cylch.example', name: 'Tomos Hughes', lang: 'cy' },
  eirlys: { email: 'eirlys@demo.cylch.example', name: 'Eirlys Jones', lang: 'cy' },
  sian: { email: 'sian@demo.cylch.example', name: 'Siân Williams', lang: 'cy' },
  dafydd: { email: 'dafydd@demo.cylch.example', name: 'Dafydd Roberts', lang: 'cy' },
  ffion: { email: 'ffion@demo.cylch.example', name: 'Ffion Davies', lang: 'en' },
  owain: { email: 'owain@demo.cylch.example', name: 'Owain Thomas', lang: 'cy' },
  elin: { email: 'elin@demo.cylch.example', name: 'Elin Lewis', lang: 'en' },
  huw: { email: 'huw@demo.cylch.example', name: 'Huw Morgan', lang: 'en' },
};
export const FAMILY_COOP = "Cydweithfa Teulu'r Dyffryn";
export const PA_COOP = 'Cydweithfa Cynorthwywyr Eryri';

// ---------------------------------------------------------------- messages

// A small reader for the Fluent files: plain messages, and messages that
// choose a variant by a string argument (`{ $field -> [email] … *[other] … }`).
function loadMessages(file) {
  const messages = new Map();
  const lines = readFileSync(join(repo, 'crates', 'web', 'locales', file), 'utf8').split('\n');
  let current = null;
  for (const line of lines) {
    const start = /^([a-z][a-z0-9_-]*)\s*=\s*(.*)$/.exec(line);
    if (start) {
      current = { id: start[1], lines: start[2].trim() ? [start[2].trim()] : [] };
      messages.set(current.id, current);
    } else if (current && /^\s+\S/.test(line) && !/^\s+\./.test(line)) {
      current.lines.push(line.trim());
    } else {
      current = null;
    }
  }
  const out = new Map();
  for (const { id, lines: body } of messages.values()) {
    const select = /^\{\s*\$([a-z_]+)\s*->$/.exec(body[0] || '');
    if (select) {
      const variants = {};
      let fallback;
      for (const l of body.slice(1, -1)) {
        const v = /^(\*?)\[([^\]]+)\]\s*(.*)$/.exec(l);
        if (!v) continue;
        variants[v[2]] = v[3];
        if (v[1]) fallback = v[2];
      }
      out.set(id, { select: select[1], variants, fallback });
    } else {
      out.set(id, { text: body.join('\n') });
    }
  }
  return out;
}
// Each language's messages: the shared file and every area's file beside it.
function loadLanguage(lang) {
  const all = loadMessages(`${lang}.ftl`);
  const folder = join(repo, 'crates', 'web', 'locales', lang);
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ftl')).sort()) {
    for (const [id, message] of loadMessages(join(lang, file))) all.set(id, message);
  }
  return all;
}
const MESSAGES = { en: loadLanguage('en'), cy: loadLanguage('cy') };
export const ALL_MESSAGE_IDS = [...MESSAGES.en.keys()];

/** A message of the Fluent files, with `{ $name }` filled in from `args`. */
export function t(lang, id, args = {}) {
  const message = MESSAGES[lang].get(id);
  assert.ok(message !== undefined, `no message ${id} in ${lang}.ftl`);
  let text = message.text;
  if (message.select) {
    const key = args[message.select];
    assert.equal(typeof key, 'string', `message ${id} chooses by $${message.select}`);
    text = message.variants[key] ?? message.variants[message.fallback];
  }
  return text.replace(/\{\s*\$([a-z_]+)\s*\}/g, (_, name) => {
    assert.ok(name in args, `message ${id} needs ${name}`);
    return String(args[name]);
  });
}

// ----------------------------------------------------------------- browser

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Debian's Chromium; Playwright gives every launch a fresh profile folder. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CYLCH_E2E_CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

const ACCEPT_LANGUAGE = { en: 'en-GB,en;q=0.9', cy: 'cy-GB,cy;q=0.9,en;q=0.5' };
const contextSettings = new WeakMap();

/**
 * A fresh browser context (no cookies) whose browser asks for `lang`, with
 * JavaScript on or off, at a desktop or phone size.
 */
export async function newPage(browser, { lang = 'en', js = true, phone = false } = {}) {
  const options = {
    javaScriptEnabled: js,
    locale: lang === 'cy' ? 'cy-GB' : 'en-GB',
    extraHTTPHeaders: { 'Accept-Language': ACCEPT_LANGUAGE[lang] },
    viewport: phone ? PHONE : { width: 1280, height: 900 },
  };
  if (phone) Object.assign(options, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const context = await browser.newContext(options);
  // Generous: the machines that run this are small and often busy.
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(45_000);
  contextSettings.set(context, { ...options, browser });
  const page = await context.newPage();
  return page;
}

export async function goto(page, path) {
  return page.goto(BASE + path);
}

// ------------------------------------------------------------------ checks

function describeViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes
      .map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}\n    ${n.html}`)
      .join('\n')}`)
    .join('\n');
}

/**
 * axe-core with the WCAG 2.0/2.1/2.2 A and AA rules: no violation allowed.
 *
 * With JavaScript off, axe cannot run in the page itself (it is a script).
 * Cylch's pages carry no scripts at all, which this checks, so the markup
 * is the same as in the same journey with JavaScript on, where axe has
 * already run; set CYLCH_E2E_AXE_WITHOUT_JS=1 to check it again anyway: the
 * page's DOM is then served again at the same address in a checking page
 * with JavaScript on and the same viewport and language, where axe runs.
 */
export async function expectAccessible(page, label = '') {
  const settings = contextSettings.get(page.context());
  let target = page;
  if (settings && settings.javaScriptEnabled === false) {
    const scripted = await page.evaluate(() => document.querySelectorAll('script, noscript').length
      + [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length);
    assert.equal(scripted, 0, `${page.url()} carries no scripts, so it is the same with JavaScript off`);
    if (!process.env.CYLCH_E2E_AXE_WITHOUT_JS) return;
    const checker = await snapshotChecker(page.context(), settings);
    checker.snapshot = { url: page.url().split('#')[0], html: await page.content() };
    target = checker.page;
    await target.goto(checker.snapshot.url);
  }
  const results = await new AxeBuilder({ page: target })
    .withTags(AXE_TAGS)
    .setLegacyMode(true) // Cylch's pages have no frames: axe runs in the page alone
    .analyze();
  const where = `${label || ''} ${page.url()}`.trim();
  assert.equal(results.violations.length, 0,
    `axe found problems on ${where}:\n${describeViolations(results.violations)}`);
}

// One checking page (JavaScript on) for each context with JavaScript off,
// closed with it.
const checkers = new WeakMap();
async function snapshotChecker(source, settings) {
  let checker = checkers.get(source);
  if (!checker) {
    const { browser, javaScriptEnabled: _, ...rest } = settings;
    const context = await browser.newContext({ ...rest, javaScriptEnabled: true });
    checker = { page: await context.newPage(), snapshot: { url: '', html: '' } };
    const current = checker;
    await current.page.route('**/*', (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.url().split('#')[0] === current.snapshot.url) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current.snapshot.html });
      }
      return route.continue();
    });
    source.on('close', () => { context.close().catch(() => {}); });
    checkers.set(source, checker);
  }
  return checker;
}

/** The page is in `lang`, has a title and exactly one h1, shows no message id. */
export async function expectPage(page, lang, { h1, title } = {}) {
  const seen = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    h1: [...document.querySelectorAll('h1')].map((h) => h.innerText.trim()),
    text: document.body.innerText,
    // A message the files lack shows as its id: a whole text like "formation-link".
    ids: [...document.body.querySelectorAll('*')]
      .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()))
      .filter((text) => /^[a-z][a-z0-9_]*(-[a-z0-9_]+)+(\.[a-z0-9_-]+)?$/.test(text)),
  }));
  const url = page.url();
  assert.equal(seen.lang, lang, `language of ${url}`);
  assert.match(seen.title, / – Cylch$/, `title of ${url}`);
  if (title !== undefined) assert.equal(seen.title, `${title} – Cylch`);
  assert.equal(seen.h1.length, 1, `one h1 on ${url}`);
  if (h1 !== undefined) assert.equal(seen.h1[0], h1);
  assert.deepEqual(seen.ids, [], `message ids shown instead of words on ${url}`);
  for (const id of ALL_MESSAGE_IDS) {
    if (id.includes('-')) {
      assert.ok(!new RegExp(`(^|\\s)${id}(\\s|$)`).test(seen.text), `message id ${id} shown on ${url}`);
    }
  }
}

/** Both checks together. */
export async function expectGoodPage(page, lang, expected = {}, label = '') {
  await expectPage(page, lang, expected);
  await expectAccessible(page, label);
}

/**
 * Waits, up to five seconds, for the element that has focus to match
 * `selector`, and goes on either way: the assertion that follows reads the
 * focus and says what is wrong. The browser applies `autofocus` at its next
 * rendering step, which can come after the `load` event that `goto` and a
 * navigation wait for, and moves focus to a link's target the same way; so
 * reading `document.activeElement` at once can find the body on a busy
 * machine.
 */
export async function waitForFocus(page, selector) {
  await page.waitForFunction((s) => document.activeElement?.matches(s), selector, { timeout: 5000 })
    .catch(() => {});
}

/** The GOV.UK error summary: its links, in order, each to a field on the page. */
export async function errorSummary(page) {
  const summary = page.locator('.error-summary');
  assert.equal(await summary.count(), 1, 'an error summary');
  const links = summary.locator('a');
  const out = [];
  for (let i = 0; i < (await links.count()); i++) {
    const link = links.nth(i);
    const href = await link.getAttribute('href');
    assert.match(href, /^#[A-Za-z0-9_-]+$/);
    assert.equal(await page.locator(href).count(), 1, `the summary's link ${href} has a target`);
    out.push({ href, text: (await link.innerText()).trim() });
  }
  return out;
}

/**
 * A form came back with problems: status 422, "Error:" before the title,
 * the summary first in main and focused (so a screen reader reads it at
 * once, with or without JavaScript), each field marked invalid and
 * described by its message. Following a summary link focuses the field.
 * Each field is `{ id, message }`, with `name` too when the id is not the
 * field's name (a form among many rows names its fields by the row, like
 * `shares-3f2a…`): general messages choose their words by the name.
 */
export async function expectFormErrors(page, response, lang, fields) {
  assert.equal(response.status(), 422, `status of the refused form at ${page.url()}`);
  assert.ok((await page.title()).startsWith(`${t(lang, 'error-title-prefix')} `), `title of ${page.url()} starts with the error prefix`);
  const links = await errorSummary(page);
  assert.deepEqual(links.map((l) => l.href), fields.map((f) => `#${f.id}`));
  for (const [i, field] of fields.entries()) {
    assert.equal(links[i].text, t(lang, field.message, { field: field.name ?? field.id }));
  }
  const texts = links.map((l) => l.text);
  assert.equal(new Set(texts).size, texts.length, `each problem in its own words: ${JSON.stringify(texts)}`);
  await waitForFocus(page, '.error-summary');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true,
    'the error summary has focus when the page loads');
  for (const field of fields) {
    let control = page.locator(`#${field.id}`);
    if ((await control.getAttribute('type')) === 'radio') {
      // A choice: its fieldset is described by the message.
      control = page.locator('fieldset', { has: control });
    } else {
      assert.equal(await control.getAttribute('aria-invalid'), 'true', `#${field.id} is marked invalid`);
    }
    const described = (await control.getAttribute('aria-describedby')) || '';
    const messages = [];
    for (const id of described.split(/\s+/).filter(Boolean)) {
      messages.push((await page.locator(`#${id}`).innerText()).trim());
    }
    assert.ok(messages.some((m) => m.endsWith(t(lang, field.message, { field: field.name ?? field.id }))),
      `#${field.id} is described by its message (${JSON.stringify(messages)})`);
  }
  // Following the first link moves focus to that field.
  await page.locator('.error-summary a').first().click();
  await waitForFocus(page, `[id="${fields[0].id}"]`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), fields[0].id, 'the summary link focuses its field');
}

// -------------------------------------------------------------- journeys

/** Fills the sign-in form and sends it; returns the response of the POST. */
export async function submitSignIn(page, lang, email, password) {
  await page.getByLabel(t(lang, 'field-email'), { exact: true }).fill(email);
  await page.getByLabel(t(lang, 'field-password'), { exact: true }).fill(password);
  return submit(page, t(lang, 'sign-in-button'));
}

/** Presses a form's button by its name and returns the response of the page it leads to. */
export async function submit(page, buttonName) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  return response;
}

/** Follows a link by its name and returns the response. */
export async function follow(page, linkName, scope = page) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    scope.getByRole('link', { name: linkName, exact: true }).first().click(),
  ]);
  return response;
}

/** Signs in from /sign-in (in `lang`) and lands on the home page. */
export async function signIn(page, lang, person, password = DEMO_PASSWORD) {
  await goto(page, '/sign-in');
  const response = await submitSignIn(page, lang, person.email, password);
  assert.equal(response.status(), 200, `signing in as ${person.email}`);
  assert.equal(new URL(page.url()).pathname, '/');
  return response;
}

/**
 * Signs in, then, if the account's own language is not `lang`, uses the
 * language link so that the pages are in `lang`.
 */
export async function signInShowing(page, lang, person) {
  await signIn(page, lang, person);
  const shown = await page.locator('html').getAttribute('lang');
  if (shown !== lang) await follow(page, t(shown, 'switch-language'));
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  assert.equal(new URL(page.url()).pathname, '/');
}

export async function signOut(page, lang) {
  const response = await submit(page, t(lang, 'nav-sign-out'));
  assert.equal(response.status(), 200);
  return response;
}

/** The ids of the co-operatives linked from the home page, by name. */
export async function coopIds(page) {
  await goto(page, '/');
  const ids = {};
  const links = page.locator('.card-list h3 a');
  for (let i = 0; i < (await links.count()); i++) {
    const link = links.nth(i);
    ids[(await link.innerText()).trim()] = (await link.getAttribute('href')).split('/').pop();
  }
  return ids;
}

// ----------------------------------------------------------------- outbox

/** Headers of a MIME entity (folded lines joined), names in lower case. */
function parseHeaders(head) {
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** The text of a MIME entity: quoted-printable, base64 or 8bit; multipart parts joined. */
function mimeText(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = parseHeaders(head);
  const type = headers['content-type'] || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type);
  if (/^multipart\//i.test(type) && boundary) {
    return body
      .split(`--${boundary[1]}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .map((part) => mimeText(part.replace(/^\r?\n/, '')))
      .join('\n');
  }
  const encoding = (headers['content-transfer-encoding'] || '').toLowerCase();
  if (encoding === 'quoted-printable') {
    const bytes = [];
    const soft = body.replace(/=\r?\n/g, '');
    for (let i = 0; i < soft.length; i++) {
      if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
        bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(soft[i], 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** An email in the outbox: its headers and its decoded text. */
export function readEmail(file) {
  const raw = readFileSync(file, 'utf8');
  const split = raw.search(/\r?\n\r?\n/);
  return { headers: parseHeaders(raw.slice(0, split)), text: mimeText(raw) };
}

/**
 * The newest email to `to` in the outbox whose text has a link to `path`
 * (e.g. "/reset-password/") not returned before, waiting a little for it to
 * be written.
 */
/**
 * The newest unused link to `path` in an email to `to`; with `contains`, only
 * from an email whose text includes it (the two languages run side by side,
 * so the same person can be sent two invitations in the same second).
 */
export async function linkFromOutbox(to, path, { contains } = {}) {
  const outbox = join(DATA_DIR, 'outbox');
  const pattern = new RegExp(`${BASE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${path}[0-9a-f]+`);
  for (let tries = 0; tries < 50; tries++) {
    let files = [];
    try {
      files = readdirSync(outbox).filter((f) => f.endsWith('.eml')).sort().reverse();
    } catch { /* not made yet */ }
    for (const file of files) {
      const email = readEmail(join(outbox, file));
      if (!(email.headers.to || '').toLowerCase().includes(to.toLowerCase())) continue;
      if (contains && !email.text.includes(contains)) continue;
      const match = pattern.exec(email.text);
      if (match && !seenLinks.has(match[0])) {
        seenLinks.add(match[0]);
        return { link: match[0], ...email };
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no email to ${to} with a link to ${path} in ${outbox}`);
}
const seenLinks = new Set();
