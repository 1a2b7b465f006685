// The print view in Chromium: the printout (申请表 and 承诺书) comes from
// the print module, a second WebAssembly module the app loads from its own
// origin only when someone prints, and it prints on A4.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openApp, screenshot, ROOT, axeClean } from './support.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function toPrint(page, demo) {
  await page.selectOption('#demo-select', demo);
  await page.click('#demo-load');
  await page.waitForSelector('.review');
  await page.click('#continue');
  await page.waitForSelector('#result-panel');
  await page.click('#print');
  await page.waitForSelector('.wg-print');
}


test('a demo prints both sheets with seal boxes, the refund in capitals and 样例, loading only its own files', async () => {
  const { context, page, problems } = await openApp(browser, server.url);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await toPrint(page, 'eligible-sme');
  for (const id of ['sheet-form', 'sheet-commitment']) {
    const sheet = page.locator(`#${id}`);
    assert.equal(await sheet.locator('.wg-seal').count(), 1, `${id}: a seal box`);
    assert.match(await sheet.locator('.wg-seal').innerText(), /单位（盖章）/);
    // Issue 19: 样例 at the top of each page (the form has two).
    assert.match(await sheet.locator('.wg-sample').first().innerText(), /样例 \/ SAMPLE/, `${id}: marked a sample`);
    assert.match(await sheet.innerText(), /______年____月____日/, `${id}: the date by hand`);
    const signatory = await sheet.locator('[data-sign="signatory"]').innerText();
    assert.doesNotMatch(signatory, /李明/, `${id}: no name where the pen goes`);
  }
  assert.match(await page.locator('#sheet-form .wg-capitals').innerText(), /^肆万贰仟肆佰贰拾元整$/);
  assert.match(await page.locator('#sheet-form .wg-amount').innerText(), /¥42,420\.00/);
  assert.match(await page.locator('.wg-qr__digest').first().innerText(), /^sha256:[0-9a-f]{64}$/);
  assert.ok((await page.getAttribute('.wg-qr__code path', 'd')).length > 1000, 'the QR code has modules');
  assert.equal(await page.locator('#print-now').isEnabled(), true);
  // The print module was fetched on demand, from the app's own origin only.
  const origin = new URL(server.url).origin;
  assert.ok(requests.some((u) => /\/print-[0-9a-f]{16}\/wengang-print_bg\.wasm$/.test(u)), requests.join('\n'));
  assert.deepEqual(requests.filter((u) => new URL(u).origin !== origin), []);
  assert.deepEqual(problems, [], 'no CSP violation, no error');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.site-header').isVisible(), false, 'no header on paper');
  assert.equal(await page.locator('#page-heading').isVisible(), false, 'no app heading on paper');
  await screenshot(page, '40-print-demo');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000);
  await writeFile(join(ROOT, 'tests/artifacts/40-print-demo.pdf'), pdf);
  await context.close();
});

test('in English the form stays Chinese with an English gloss, and axe finds nothing', async () => {
  const { context, page } = await openApp(browser, server.url, { bypassCSP: true });
  await page.click('#lang-switch');
  await toPrint(page, 'hardship');
  const form = page.locator('#sheet-form');
  assert.match(await form.locator('h1').innerText(), /失业保险稳岗返还申请表\s*Job-retention refund application form/);
  assert.match(await form.innerText(), /法定代表人（签字） \/ Legal representative \(signature\)：/);
  assert.ok(await page.locator('#sheet-form .gloss[lang="en"]').count() > 20, 'glossed throughout');
  await screenshot(page, '41-print-english');
  await axeClean(page, 'print, English');
  await context.close();
});

test('the print module is precached: after one online visit printing works with the network off', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#page-heading');
  await toPrint(page, 'large-enterprise-review');
  assert.match(await page.locator('#sheet-form .wg-capitals').innerText(), /^伍佰贰拾肆万元整$/);
  await context.close();
});

test('the single-file build prints from file://, with its print module inlined and no request', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const requests = [];
  page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url()); });
  await page.goto(pathToFileURL(join(ROOT, 'dist-single/wengang.html')).href);
  await page.waitForSelector('#page-heading');
  await toPrint(page, 'eligible-sme');
  assert.match(await page.locator('#sheet-form .wg-capitals').innerText(), /^肆万贰仟肆佰贰拾元整$/);
  assert.equal(await page.locator('#sheet-commitment .wg-seal').count(), 1);
  assert.deepEqual(problems, []);
  assert.deepEqual(requests, []);
  await context.close();
});

test('a build without the print module says plainly that it cannot print', async () => {
  const { context, page } = await openApp(browser, server.url);
  // As a build made without scripts/build-print.sh: no loader in the start-up code.
  await page.evaluate(() => { delete window.wengangPrint; });
  await page.selectOption('#demo-select', 'eligible-sme');
  await page.click('#demo-load');
  await page.waitForSelector('.review');
  await page.click('#continue');
  await page.waitForSelector('#result-panel');
  await page.click('#print');
  await page.waitForSelector('#print-error');
  const error = await page.locator('#print-error').innerText();
  assert.match(error, /此版本不含打印模块/);
  assert.match(error, /built without the print module/);
  assert.match(error, /wengang print/);
  assert.equal(await page.locator('#print-now').isDisabled(), true);
  await context.close();
});

test('a print module that fails to load gives a bilingual error', async () => {
  // No service worker: it would answer from its cache, past the route.
  const { context, page } = await openApp(browser, server.url, { serviceWorkers: 'block' });
  await page.route(/\/print-[0-9a-f]{16}\//, (route) => route.abort());
  // A demo comes from the same module, which is down: said, nothing changed.
  await page.selectOption('#demo-select', 'eligible-sme');
  await page.click('#demo-load');
  await page.locator('#notice').waitFor();
  assert.match(await page.locator('#notice').innerText(), /无法载入演示企业.*您的答案没有改变/);
  // The clerk's own file, then.
  await page.setInputFiles('#import-file', join(ROOT, 'samples/eligible-sme.json'));
  await page.waitForSelector('.review');
  await page.click('#continue');
  await page.waitForSelector('#result-panel');
  await page.click('#print');
  await page.waitForSelector('#print-error');
  const error = await page.locator('#print-error').innerText();
  assert.match(error, /打印模块未能加载/);
  assert.match(error, /could not be loaded/);
  await context.close();
});
