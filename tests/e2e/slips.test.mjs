// Nothing lost by a slip, and the browser's own controls work: as a clerk
// acts, in Debian's Chromium. (Issue 12: demo mode, undo, history, reload,
// the answer first, the phone header.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

const heading = (page) => page.locator('#page-heading').innerText();
const draft = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('wengang.draft.v1') ?? 'null'));


/** From the first page to the enterprise page, with a name typed there. */
async function startWithName(page, name) {
  await page.selectOption('#f-insured-year', '2018');
  await page.click('#continue');
  await page.waitForSelector('#f-applicant-name');
  await page.fill('#f-applicant-name', name);
  await page.locator('#f-applicant-name').blur();
}

test('a demo leaves the draft untouched, and leaving it brings the answers back', async () => {
  const { context, page, problems } = await openApp(browser, server.url, { bypassCSP: true });
  await startWithName(page, '我的单位有限公司');
  await page.waitForFunction(() => localStorage.getItem('wengang.draft.v1')?.includes('我的单位有限公司'));
  const before = await draft(page);

  await page.selectOption('#demo-select', 'over-layoff-threshold');
  await page.click('#demo-load');
  await page.waitForSelector('.review');
  assert.match(await page.locator('#demo-banner').innerText(), /演示模式.*不受影响/);
  await axeClean(page, 'review in demo mode');
  await page.click('#continue');
  await page.waitForSelector('#result-panel');
  assert.deepEqual(await draft(page), before, 'the demo never wrote over the draft');

  await page.click('#leave-demo');
  assert.equal(await heading(page), '单位基本情况', 'back where the user was');
  assert.equal(await page.inputValue('#f-applicant-name'), '我的单位有限公司');
  assert.match(await page.locator('#notice').innerText(), /已退出演示/);
  assert.deepEqual(problems.filter((p) => !/Content Security Policy/.test(p)), []);
  await context.close();
});

test('clear asks first, and an undone clear gives every answer back', async () => {
  const { context, page } = await openApp(browser, server.url, { bypassCSP: true });
  await startWithName(page, '撤销测试有限公司');
  await page.waitForFunction(() => localStorage.getItem('wengang.draft.v1')?.includes('撤销测试有限公司'));

  await page.click('#clear-data');
  await page.locator('#confirm').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'confirm', 'the question takes the focus');
  assert.equal(await page.inputValue('#f-applicant-name'), '撤销测试有限公司', 'nothing cleared before the yes');
  await axeClean(page, 'the question before a clear');
  await screenshot(page, '40-confirm-clear');
  await page.click('#confirm-no');
  assert.equal(await page.locator('#confirm').count(), 0);
  assert.equal(await page.inputValue('#f-applicant-name'), '撤销测试有限公司');

  await page.click('#clear-data');
  await page.click('#confirm-yes');
  assert.equal(await heading(page), '适用政策');
  assert.equal(await draft(page), null, 'the draft is gone from the device');
  assert.match(await page.locator('#notice').innerText(), /已清除/);
  await page.click('#undo');
  assert.equal(await heading(page), '单位基本情况');
  assert.equal(await page.inputValue('#f-applicant-name'), '撤销测试有限公司');
  await page.waitForFunction(() => localStorage.getItem('wengang.draft.v1')?.includes('撤销测试有限公司'));
  assert.equal(await page.locator('#undo').count(), 0, 'undone once');
  await context.close();
});

test('Back and Forward move between pages, and a link opens its page', async () => {
  const { context, page } = await openApp(browser, server.url);
  await startWithName(page, '历史测试有限公司');
  assert.match(page.url(), /#\/enterprise$/);
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/policy');
  assert.equal(await heading(page), '适用政策');
  await page.goForward();
  await page.waitForFunction(() => location.hash === '#/enterprise');
  assert.equal(await heading(page), '单位基本情况');
  assert.equal(await page.inputValue('#f-applicant-name'), '历史测试有限公司', 'nothing lost on the way');

  await page.goto(`${server.url}#/premiums`);
  await page.waitForSelector('#page-heading');
  assert.equal(await heading(page), '上年度失业保险缴费', 'a deep link');
  await context.close();
});

test('after a reload, untried pages show no errors; a tried page still does', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.selectOption('#f-insured-year', '2018');
  await page.click('#continue');
  await page.click('#continue'); // tried, with nothing filled in
  await page.locator('#error-summary').waitFor();
  await page.waitForFunction(() => localStorage.getItem('wengang.draft.v1')?.includes('enterprise'));
  await page.reload();
  await page.waitForSelector('#page-heading');
  assert.equal(await heading(page), '单位基本情况');
  assert.ok(await page.locator('#error-summary').count() > 0, 'the tried page keeps its errors');
  for (const slug of ['headcount', 'premiums', 'declarations', 'bank-contact', 'commitment']) {
    await page.goto(`${server.url}#/${slug}`);
    await page.waitForSelector('#page-heading');
    assert.equal(await page.locator('.error-message, #error-summary').count(), 0, `${slug}: no errors before it is tried`);
  }
  await context.close();
});

test('an ineligible result says why and the gap at the top, and offers to save the record', async () => {
  const { context, page } = await openApp(browser, server.url, { bypassCSP: true, viewport: { width: 375, height: 700 } });
  await page.click('#menu-toggle');
  await page.selectOption('#demo-select', 'over-layoff-threshold');
  await page.click('#demo-load');
  await page.waitForSelector('.review');
  await page.click('#continue');
  await page.waitForSelector('#result-panel');
  assert.equal(await heading(page), '不符合稳岗返还条件');
  const panel = await page.locator('#result-panel').innerText();
  assert.match(panel, /原因：裁员率/);
  assert.match(panel, /达到或超过标准 1\.78%，不符合（须低于标准）/, 'said positively');
  assert.doesNotMatch(panel, /未不高于|未低于/, 'no double negative');
  assert.match(await page.locator('#gap').innerText(), /少减员 \d+ 人即可达到裁员率标准/);
  const box = await page.locator('#gap').boundingBox();
  assert.ok(box && box.y + box.height <= 700, 'the reason and the gap are on the first screen of a phone');
  assert.equal(await page.locator('#working').getAttribute('open'), null, 'the citations are folded away');
  assert.match(await page.locator('#next-steps').innerText(), /接下来怎么做[\s\S]*12333/);
  assert.match(await page.locator('#export').innerText(), /保存我的自查记录/);
  assert.equal(await page.locator('#print').count(), 0, 'no application form to print');
  await screenshot(page, '41-ineligible-phone');
  await axeClean(page, 'ineligible result on a phone');
  await context.close();
});

test('on a phone the header is one line with a menu', async () => {
  const { context, page } = await openApp(browser, server.url, { bypassCSP: true, viewport: { width: 375, height: 700 } });
  const header = await page.locator('.site-header').boundingBox();
  assert.ok(header.height <= 64, `header ${header.height}px`);
  assert.equal(await page.locator('#lang-switch').isVisible(), false);
  await page.click('#menu-toggle');
  assert.equal(await page.getAttribute('#menu-toggle', 'aria-expanded'), 'true');
  assert.equal(await page.locator('#lang-switch').isVisible(), true);
  await axeClean(page, 'the phone menu, open');
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await context.close();
});
