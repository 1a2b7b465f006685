// Benchmarks of the built app (dist/) in headless Chromium:
//   1. gzip size of the first load (html + boot + js + wasm + css);
//   2. time from navigation to an interactive first page, CPU throttled 4×;
//   3. median time of one full re-validation + recompute, in the browser.
// Run: scripts/bench-app.sh (builds dist/ first). Prints JSON and a Markdown table.
import { readFile, readdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, DIST, ROOT } from './support.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function firstLoadBytes() {
  const files = (await readdir(DIST)).filter((f) => /\.(html|js|wasm|css)$/.test(f) && !f.startsWith('sw'));
  let raw = 0;
  let gzip = 0;
  const each = {};
  for (const f of files) {
    const body = await readFile(join(DIST, f));
    const z = gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzip += z;
    each[f] = { raw: body.length, gzip: z };
  }
  return { raw, gzip, each };
}

async function timeToInteractive(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Interactive: the first question is in the page (Yew attaches its
  // handlers as it renders). Timed inside the page, so the test driver's
  // own round trips (slow under throttling) are not counted.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.getElementById('f-insured-year')) {
        window.__interactiveAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForSelector('#f-insured-year');
  // …and it answers: choosing a data year re-runs the engine and picks a profile.
  await page.selectOption('#f-insured-year', '2018');
  if ((await page.inputValue('#f-policy')) !== 'suzhou-2019') throw new Error('the first page did not respond');
  const ms = await page.evaluate(() => window.__interactiveAt);
  await context.close();
  return ms;
}

async function recompute(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.wasmBindings?.bench_recompute);
  const application = readFileSync(join(ROOT, 'samples/eligible-sme.json'), 'utf8');
  const times = await page.evaluate((text) => Array.from(window.wasmBindings.bench_recompute(text, 101)), application);
  if (times.length === 0) throw new Error('the recompute benchmark did not run');
  const ms = times.sort((a, b) => a - b)[times.length >> 1];
  await context.close();
  return ms;
}

const server = await serve();
const browser = await launch();
try {
  const size = await firstLoadBytes();
  const loads = [];
  for (let i = 0; i < RUNS; i++) loads.push(await timeToInteractive(browser, server.url));
  const recomputes = [];
  for (let i = 0; i < 3; i++) recomputes.push(await recompute(browser, server.url));
  const result = {
    first_load_gzip_kb: +(size.gzip / 1024).toFixed(1),
    first_load_raw_kb: +(size.raw / 1024).toFixed(1),
    files: size.each,
    interactive_ms_cpu4x_median: Math.round(median(loads)),
    interactive_ms_cpu4x_runs: loads.map(Math.round),
    recompute_ms_median: +median(recomputes).toFixed(4),
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`\n| first load (gzip) | interactive, 4× CPU throttle (median of ${RUNS}) | one re-validation + recompute (median) |`);
  console.log('|---|---|---|');
  console.log(`| ${result.first_load_gzip_kb} KB | ${result.interactive_ms_cpu4x_median} ms | ${result.recompute_ms_median} ms |`);
} finally {
  await browser.close();
  await server.close();
}
