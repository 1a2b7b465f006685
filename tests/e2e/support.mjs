// Shared helpers for the browser tests: a static server on 127.0.0.1, Debian's
// Chromium through playwright-core, and the wengang CLI.
import { mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve as serveDir } from '../../scripts/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests/artifacts');

/** Serves `dir` (default dist/) on 127.0.0.1; resolves to { url, close }. */
export const serve = (dir = DIST, options = {}) => serveDir(dir, options);

/** Debian's Chromium, headless, with nothing reaching out to the internet. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A page whose CSP violations and page errors are collected. */
export async function openApp(browser, url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector('#page-heading');
  return { context, page, problems };
}

/** The wengang CLI (built by `cargo build`), as [exit code, stdout, stderr]. */
export function wengang(args, input) {
  const bin = ['target/debug/wengang', 'target/release/wengang'].map((p) => join(ROOT, p)).find(existsSync);
  if (!bin) throw new Error('build the CLI first: cargo build --bin wengang');
  try {
    const stdout = execFileSync(bin, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    return [0, stdout, ''];
  } catch (e) {
    return [e.status, e.stdout ?? '', e.stderr ?? ''];
  }
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Presses Tab until the element with `id` has focus (keyboard only). */
export async function tabTo(page, id, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((id) => document.activeElement?.id === id, id)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id}`);
}

export const sample = (name) => JSON.parse(readFileSync(join(ROOT, 'samples', `${name}.json`), 'utf8'));
export const inputId = (path) => `f-${path.replaceAll('.', '-')}`;

/** Runs axe-core on the page (injected as a script: open the page with
 * bypassCSP) and fails with every violation found, named by `name`. */
export async function axeClean(page, name) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') });
  }
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const found = result.violations.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.help}`);
  assert.deepEqual(found, [], found.join('\n'));
}
