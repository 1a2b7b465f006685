// The Node build of pkg/ gives exactly what the native engine gives, for
// every case in tests/cases (the same engine on both sides of an upload).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, wengang } from '../e2e/support.mjs';

const engine = createRequire(import.meta.url)(join(ROOT, 'pkg/node/wengang.js'));
const CASES = join(ROOT, 'tests/cases');

/** RFC 7396 JSON merge patch, as tests/support/mod.rs applies it. */
function mergePatch(target, patch) {
  if (patch === null || patch === undefined) return target;
  if (typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key] ?? null, value);
  }
  return out;
}

function loadCase(file) {
  const c = JSON.parse(readFileSync(join(CASES, file), 'utf8'));
  const base = c.base ? JSON.parse(readFileSync(join(CASES, 'bases', `${c.base}.json`), 'utf8')) : c.application;
  return { name: c.case, application: mergePatch(base, c.patch ?? null), lang: c.lang ?? 'zh' };
}

const files = readdirSync(CASES).filter((f) => f.endsWith('.json')).sort();

test('every case: the Node package computes the native report', () => {
  assert.ok(files.length >= 200, `found ${files.length} cases`);
  const mismatches = [];
  for (const file of files) {
    const { application, lang } = loadCase(file);
    const input = JSON.stringify(application);
    const [code, out, err] = wengang(['check', '-', '--lang', lang], input);
    assert.equal(code, 0, `${file}: ${err}`);
    const native = JSON.parse(out);
    const fromObject = engine.check(application, lang);
    const fromText = engine.check(input, lang);
    try {
      assert.deepEqual(fromObject, native);
      assert.deepEqual(fromText, native);
    } catch (e) {
      mismatches.push(`${file}: ${e.message.slice(0, 300)}`);
    }
  }
  assert.deepEqual(mismatches, []);
  console.log(`${files.length} cases identical in Node and natively`);
});

test('a submission made natively verifies in Node, and an edited one does not', () => {
  const app = JSON.parse(readFileSync(join(ROOT, 'samples/eligible-sme.json'), 'utf8'));
  const [code, text] = wengang(['submit', '-'], JSON.stringify(app));
  assert.equal(code, 0);
  const ok = engine.verify(text, 'en');
  assert.equal(ok.ok, true);
  assert.equal(ok.outcome, 'holds');
  assert.equal(ok.exitCode, 0);
  assert.equal(ok.decision.refund, '42420.00');
  assert.equal(ok.report.refund, '42420.00');
  assert.equal(ok.report.lang, 'en');
  const edited = JSON.parse(text);
  edited.decision.refund = '52420.00';
  const bad = engine.verify(edited);
  assert.equal(bad.ok, false);
  assert.equal(bad.outcome, 'altered');
  assert.equal(bad.exitCode, 1);
  assert.match(bad.reason, /decision\.refund/);
  const old = { ...JSON.parse(text), format: 'wengang.submission/1' };
  assert.equal(engine.verify(old).outcome, 'old_format');
  // …and one made in Node is byte-identical to the native one and verifies natively.
  const submission = engine.submit(app);
  assert.deepEqual(submission, JSON.parse(text));
  const [vcode, vout] = wengang(['verify', '-'], JSON.stringify(submission));
  assert.equal(vcode, 0, vout);
});

test('validateField reports one field, in context', () => {
  assert.deepEqual(engine.validateField('applicant.credit_code', '91320594079903279G'), []);
  const [issue] = engine.validateField('applicant.credit_code', '91320594079903279H', undefined, 'en');
  assert.equal(issue.code, 'credit_code.check');
  assert.equal(issue.severity, 'warning');
  assert.match(issue.message, /check character/);
  const revenue = engine.validateField('applicant.revenue', '', { applicant: { industry: 'other' } });
  assert.deepEqual(revenue, [], 'revenue is not needed for "other"');
  const needed = engine.validateField('applicant.revenue', '', { applicant: { industry: 'retail' } });
  assert.equal(needed[0].code, 'required');
  assert.equal(engine.validateField('insured.premiums_paid', 12.5)[0].code, 'money.json_fraction');
});

test('policies and schema', () => {
  const ids = engine.policies().map((p) => p.id);
  assert.deepEqual(ids, [
    'cn-2019', 'suzhou-2019', 'suzhou-2020', 'cn-2021', 'jiangsu-2021', 'cn-2022', 'jiangsu-2022',
    'cn-2023', 'jiangsu-2023', 'cn-2024', 'jiangsu-2024', 'cn-2025', 'jiangsu-2025', 'cn-2026', 'jiangsu-2026',
  ]);
  const schema = engine.schema();
  assert.ok(schema.properties.insured);
  assert.equal(engine.engineVersion(), JSON.parse(wengang(['submit', '-'], readFileSync(join(ROOT, 'samples/eligible-sme.json'), 'utf8'))[1]).engine.version);
});

test('bad input is an exception with a reason, never a crash', () => {
  assert.throws(() => engine.check('{ not json'), /not JSON/);
  assert.throws(() => engine.check('[1, 2]'), /must be a JSON object/);
  assert.equal(engine.verify('{}').ok, false);
});

test('the TypeScript types are not any', () => {
  const dts = readFileSync(join(ROOT, 'pkg/node/wengang.d.ts'), 'utf8');
  assert.match(dts, /export function check\(application: Application \| string, lang\?: "zh" \| "en" \| null\): Report;/);
  assert.match(dts, /export function verify\(submission: Submission \| string, lang\?: "zh" \| "en" \| null\): VerifyResult;/);
  assert.match(dts, /format: "wengang\.submission\/2";/);
  assert.match(dts, /export interface Report \{/);
  assert.doesNotMatch(dts, /\): any;/);
});
