// `wengang screen --report FILE.html` in a browser, as an official opens it:
// from file://, with no request of any kind, no script, under its own strict
// CSP; the totals, three charts with their text equivalents, no axe-core
// violation, and a page that prints on A4.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { launch, wengang, screenshot, ROOT } from './support.mjs';

let browser;
let dir;
before(async () => {
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'wengang-report-'));
});
after(async () => { await browser?.close(); });

/** Screens `rows` generated rows with --report; returns [page path, stderr summary]. */
function report(rows, lang = 'zh') {
  const input = join(dir, `city-${rows}.csv`);
  const html = join(dir, `report-${rows}-${lang}.html`);
  const [made] = wengang(['gen', '--rows', String(rows), '--seed', '7', '--output', input]);
  assert.equal(made, 0);
  // support's wengang() gives no stderr on success; the summary is there.
  const bin = ['target/debug/wengang', 'target/release/wengang'].map((p) => join(ROOT, p)).find(existsSync);
  const run = spawnSync(bin, ['screen', input, '--output', join(dir, 'out.csv'), '--report', html, '--lang', lang],
    { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return [html, run.stderr];
}

/** Opens a page from file://, collecting every request, CSP message and error. */
async function open(path, options = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 }, ...options });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const url = pathToFileURL(path).href;
  await page.goto(url);
  return { context, page, url, requests, problems };
}

test('the report opens from file:// with no request, shows the totals and three charts', async () => {
  const [path, stderr] = report(4000);
  const { context, page, url, requests, problems } = await open(path);
  assert.deepEqual(requests, [url], 'nothing but the page itself is loaded');
  assert.deepEqual(problems, []);
  assert.equal(await page.locator('script').count(), 0);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*';/);
  // The style applied, so the hash allowed it.
  assert.equal(await page.locator('h2').first().evaluate((e) => getComputedStyle(e).borderBottomStyle), 'solid');

  // Totals: as the stderr summary says them.
  const figure = (key) => page.getAttribute(`[data-figure="${key}"]`, 'data-value');
  const said = (label) => stderr.split('\n').find((l) => l.trim().startsWith(label)).trim().slice(label.length).trim().split(/\s+/)[0];
  assert.equal(await figure('rows'), said('wengang screen:'));
  assert.equal(await figure('eligible'), said('eligible:'));
  assert.equal(await figure('invalid'), said('invalid:'));
  assert.equal(await figure('undecided'), said('undecided:'));
  assert.equal(await figure('refund_total'), said('total estimated refund:'));
  const grouped = Number(await figure('rows')).toLocaleString('en-US');
  assert.equal(await page.locator('[data-figure="rows"]').innerText(), grouped);

  // Three charts, each an image with a name and its data as a table.
  for (const [id, table] of [['chart-histogram', '#histogram-data-0'], ['chart-issues', '#issues-data'], ['chart-top', '#top-data']]) {
    const chart = page.locator(`svg#${id}`);
    assert.equal(await chart.getAttribute('role'), 'img', id);
    const name = await chart.evaluate((svg) => svg.getAttribute('aria-labelledby').split(' ')
      .map((i) => document.getElementById(i)?.textContent ?? '').join(' '));
    assert.ok(name.length > 10, `${id} has a name: ${name}`);
    assert.ok((await chart.boundingBox()).height > 100, `${id} is drawn`);
    assert.ok(await page.locator(`${table} tbody tr`).count() > 0, `${id} has its data`);
  }
  assert.equal(await page.locator('#chart-top rect.bar').count(), 20);
  assert.equal(await page.locator('#top-data tbody tr').count(), 20);
  assert.ok(await page.locator('#chart-issues rect.bar').count() <= 10);
  assert.equal(await page.locator('#chart-histogram rect').count(), 22 + 2, '22 bins and the legend');
  assert.match(await page.locator('#near-miss').innerText(), /超出标准 0\.5 个百分点以内：\d+ 家/);
  assert.ok(await page.locator('#by-district tbody tr').count() > 3);
  await screenshot(page, 'report-zh');

  // Prints: A4 pages, the charts kept whole.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 2 && pages <= 8, `${pages} A4 pages`);
  assert.match(pdf.toString('latin1'), /\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 84[12]\.\d+\s*\]/, 'A4');
  await context.close();
});

test('the English report reads in English', async () => {
  const [path] = report(500, 'en');
  const { context, page, problems } = await open(path);
  assert.deepEqual(problems, []);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('h1').innerText(), /batch pre-screening report/);
  assert.match(await page.locator('#near-miss').innerText(), /Within 0\.5 percentage points above the threshold: \d+/);
  const words = await page.locator('h1, h2, caption, thead th, tbody th[scope="row"]:not(#top-data th), p, footer, svg title, svg desc')
    .allInnerTexts();
  const chinese = words.filter((w) => /[\u4e00-\u9fff]/u.test(w));
  assert.deepEqual(chinese, [], 'the page\'s own words are English (names are as given)');
  await screenshot(page, 'report-en');
  await context.close();
});

test('axe-core finds no accessibility violation in either language, nor with nothing to chart', async () => {
  const axe = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // An empty input: no eligible row, no invalid row.
  const header = wengang(['gen', '--rows', '0'])[1];
  const empty = join(dir, 'empty.csv');
  await writeFile(empty, header);
  const emptyReport = join(dir, 'empty.html');
  assert.equal(wengang(['screen', empty, '--output', join(dir, 'e.csv'), '--report', emptyReport])[0], 0);
  for (const path of [report(4000)[0], report(500, 'en')[0], emptyReport]) {
    // axe is injected as a script, which the page's CSP (rightly) refuses.
    const { context, page } = await open(path, { bypassCSP: true });
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const found = result.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.help}: ${v.nodes[0]?.target}`);
    assert.deepEqual(found, [], `${path}\n${found.join('\n')}`);
    await context.close();
  }
});
