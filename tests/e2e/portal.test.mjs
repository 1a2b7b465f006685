// The portal package in a browser: embedding across origins, offline use,
// the service worker's updates, and the single-file build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, cp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openApp, wengang, screenshot, sample, ROOT, DIST } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Answers every question of the app in `frame` from `app`, page by page (not by keyboard). */
async function complete(frame, app, skip = new Set()) {
  const fill = async (path, value) => {
    if (skip.has(path)) return;
    const id = `#f-${path.replaceAll('.', '-')}`;
    if (typeof value === 'boolean') await frame.selectOption(id, String(value));
    else if (['applicant.unit_type', 'applicant.industry', 'policy'].includes(path)) await frame.selectOption(id, String(value));
    else await frame.fill(id, String(value));
  };
  const next = () => frame.click('#continue');
  await frame.selectOption('#f-insured-year', String(app.insured.year));
  await next();
  for (const k of ['name', 'credit_code', 'unit_type', 'industry', 'employees', 'revenue', 'assets']) await fill(`applicant.${k}`, app.applicant[k]);
  await next();
  for (const k of ['start', 'end', 'monthly_average']) await fill(`insured.${k}`, app.insured[k]);
  await next();
  for (const k of ['months_paid_in_full', 'premiums_paid', 'arrears_and_late_fees']) await fill(`insured.${k}`, app.insured[k]);
  await next();
  for (const [k, v] of Object.entries(app.declarations)) await fill(`declarations.${k}`, v);
  await next();
  if (await frame.locator('.page--hardship').count()) await next();
  for (const k of ['account_name', 'bank_name', 'account_number']) await fill(`bank.${k}`, app.bank[k]);
  for (const k of ['name', 'phone']) await fill(`contact.${k}`, app.contact[k]);
  await next();
  await fill('commitment.date', app.commitment.date);
  await fill('commitment.signatory', app.commitment.signatory);
  await frame.check('#f-commitment-accepted');
  await next();
  await frame.waitForSelector('.review');
  await next();
  await frame.waitForSelector('#result-panel');
}

test('a portal on another origin embeds the app, prefills it and receives a verifiable submission', async () => {
  const portal = await serve(join(ROOT, 'www'));
  const portalOrigin = portal.url.replace(/\/$/, '');
  const app = await serve(DIST, { allowParents: [portalOrigin] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto(`${portal.url}portal-sample/?app=${encodeURIComponent(app.url)}`);
    await page.waitForSelector('body[data-widget^="ready"]');
    const frame = page.frames().find((f) => f.url().startsWith(app.url));
    assert.ok(frame, 'the app is in an iframe from the other origin');
    await frame.waitForSelector('#notice');
    assert.match(await frame.locator('#notice').innerText(), /已带入门户/);

    const application = sample('eligible-sme');
    await complete(frame, application, new Set(['applicant.name', 'applicant.credit_code', 'contact.name', 'contact.phone']));
    assert.equal(await frame.locator('#refund-amount').innerText(), '42,420.00 元');
    const height = await page.evaluate(() => parseInt(document.querySelector('iframe').style.height, 10));
    assert.ok(height > 800, `the portal sized the iframe to the app (${height}px)`);
    await frame.click('#send-to-portal');
    await page.waitForFunction(() => document.getElementById('received').textContent.length > 0);
    await screenshot(page, '20-portal-received');
    const submission = JSON.parse(await page.locator('#received').innerText());
    assert.equal(submission.application.applicant.name, '苏州示例精密机械有限公司', 'the prefilled name went through');
    const dir = await mkdtemp(join(tmpdir(), 'wengang-portal-'));
    await writeFile(join(dir, 'upload.json'), JSON.stringify(submission));
    const [code, , err] = wengang(['verify', join(dir, 'upload.json')]);
    assert.equal(code, 0, err);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await app.close();
    await portal.close();
  }
});

test('a page on an origin not on the allow-list gets no message and cannot prefill', async () => {
  const evilDir = await mkdtemp(join(tmpdir(), 'wengang-evil-'));
  await writeFile(join(evilDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>other</title><script type="module" src="evil.js"></script><body></body>');
  await writeFile(join(evilDir, 'evil.js'), `
    window.received = [];
    addEventListener('message', (e) => window.received.push(e.data));
    const frame = document.createElement('iframe');
    frame.src = new URLSearchParams(location.search).get('app');
    frame.addEventListener('load', () => {
      setTimeout(() => {
        frame.contentWindow.postMessage({ type: 'wengang:prefill', application: { applicant: { name: 'INJECTED' } } }, '*');
        window.posted = true;
      }, 500);
    });
    document.body.append(frame);`);
  const evil = await serve(evilDir);
  const portal = await serve(join(ROOT, 'www'));
  const allowParents = [portal.url.replace(/\/$/, '')];
  // As deployed: the frame-ancestors header stops the browser framing the app at all.
  const guarded = await serve(DIST, { allowParents });
  // A deployment that forgot the header: the app's own allow-list must still hold.
  const unguarded = await serve(DIST, { allowParents, frameAncestors: false });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${evil.url}?app=${encodeURIComponent(guarded.url)}`);
    await page.waitForFunction(() => window.posted === true);
    assert.equal(page.frames().some((f) => f.url().startsWith(guarded.url) && f !== page.mainFrame()), false,
      'the browser refused to frame the app for that origin');

    await page.goto(`${evil.url}?app=${encodeURIComponent(unguarded.url)}`);
    await page.waitForFunction(() => window.posted === true);
    await page.waitForTimeout(500);
    const frame = page.frames().find((f) => f.url().startsWith(unguarded.url));
    await frame.waitForSelector('#page-heading');
    assert.equal(await frame.locator('#notice').count(), 0, 'no prefill notice');
    assert.deepEqual(await page.evaluate(() => window.received), [], 'the app sent nothing to a page not on its list');
    const draft = await frame.evaluate(() => localStorage.getItem('wengang.draft.v1'));
    assert.ok(draft === null || !draft.includes('INJECTED'));
    await context.close();
  } finally {
    await Promise.all([guarded.close(), unguarded.close(), portal.close(), evil.close()]);
  }
});

test('after one online visit the app loads and computes with the network off', async () => {
  const app = await serve(DIST);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#page-heading');
    await page.selectOption('#demo-select', 'eligible-sme');
    await page.click('#demo-load');
    await page.waitForSelector('.review'); // the sample comes from the second module, precached
    await page.click('#continue');
    await page.waitForSelector('#result-panel');
    assert.equal(await page.locator('#refund-amount').innerText(), '42,420.00 元');
    await page.click('#working-summary');
    assert.match(await page.locator('#profile-info').innerText(), /2019-01-01 – 2019-12-31/, 'the profile dates show');
    await screenshot(page, '21-offline-result');
    await context.close();
  } finally {
    await app.close();
  }
});

test('a new version is offered with a notice and takes over whole when accepted', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'wengang-update-'));
  await cp(DIST, dir, { recursive: true });
  const app = await serve(dir);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const oldCaches = await page.evaluate(() => caches.keys());
    // Deploy a new build: a new service worker with a new version.
    const sw = await readFile(join(dir, 'sw.js'), 'utf8');
    await writeFile(join(dir, 'sw.js'), sw.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1next'"));
    await page.reload();
    await page.waitForSelector('#update-ready');
    await screenshot(page, '22-update-ready');
    assert.match(await page.locator('#update-ready').innerText(), /新版本已就绪/);
    await Promise.all([page.waitForEvent('load'), page.click('#update-now')]);
    await page.waitForSelector('#page-heading');
    await page.waitForFunction((old) => caches.keys().then((k) => k.length === 1 && k[0] !== old[0]), oldCaches);
    assert.equal(await page.locator('#update-ready').count(), 0);
    await context.close();
  } finally {
    await app.close();
  }
});

test('the single-file build opened from file:// computes a refund, under its strict CSP', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(join(ROOT, 'dist-single/wengang.html')).href);
  await page.waitForSelector('#page-heading');
  await page.selectOption('#demo-select', 'large-enterprise-review');
  await page.click('#demo-load');
  await page.waitForSelector('.review');
  await page.click('#continue');
  await page.waitForSelector('#result-panel');
  assert.equal(await page.locator('#refund-amount').innerText(), '5,240,000.00 元');
  assert.match(await page.locator('#route').innerText(), /报市政府审议/);
  await screenshot(page, '23-single-file');
  assert.deepEqual(problems, []);
  assert.deepEqual(requests, []);
  await context.close();
});
