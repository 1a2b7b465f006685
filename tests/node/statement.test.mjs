// readStatement in the Node package reads every statement layout of
// tests/statements as the native engine does (the same rows, or the same
// refusal with its line), and as `wengang statement` prints them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, wengang } from '../e2e/support.mjs';

const engine = createRequire(import.meta.url)(join(ROOT, 'pkg/node/wengang.js'));
const DIR = join(ROOT, 'tests/statements');
const names = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();

test('every statement layout: read or refused as expected, as the CLI does', () => {
  assert.ok(names.length >= 50, `found ${names.length} statements`);
  for (const name of names) {
    const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8'));
    const year = expected.data_year ?? null;
    const result = engine.readStatement(text, year, 'en');
    const args = ['statement', '-', '--lang', 'en', ...(year ? ['--year', String(year)] : [])];
    const [code, out, err] = wengang(args, text);
    if (expected.refused) {
      assert.equal(result.ok, false, name);
      assert.equal(result.code, expected.refused.code, name);
      assert.equal(result.line, expected.refused.line, name);
      assert.equal(result.column, expected.refused.column, name);
      assert.equal(code, 2, name);
      assert.ok(err.includes(result.message), `${name}: ${err}`);
    } else {
      assert.equal(result.ok, true, `${name}: ${result.message}`);
      assert.deepEqual(result.months, expected.months, name);
      assert.equal(code, 0, `${name}: ${err}`);
      assert.deepEqual(JSON.parse(out), result.months, name);
      assert.equal(result.rows.length, result.months.length);
      for (const row of result.rows) {
        assert.equal(typeof row.paid, 'string', 'amounts are decimal strings, never floats');
        assert.ok(row.line >= 1 && row.cells.month !== '', name);
      }
    }
  }
});

test('the three-column paste of issue 19 is refused; with its header it reads with no due', () => {
  const body = '1月\t46\t3,220.00\n2月\t46\t3,220.00\n';
  const refused = engine.readStatement(body, 2025);
  assert.deepEqual(
    { ok: refused.ok, code: refused.code, line: refused.line, column: refused.column, role: refused.role },
    { ok: false, code: 'statement.headerless_columns', line: 1, column: null, role: null },
  );
  assert.match(refused.message, /没有表头/);
  const read = engine.readStatement(`月份\t参保人数\t实缴\n${body}`, 2025, 'en');
  assert.equal(read.ok, true);
  assert.equal(read.due_given, false);
  assert.deepEqual(read.months[0], { month: 1, insured: 46, due: null, paid: '3220.00' });
  assert.equal(read.columns.due, null);
  assert.deepEqual(read.columns.paid, { index: 3, heading: '实缴' });
  assert.deepEqual(read.rows[1].cells, { month: '2月', insured: '46', due: null, paid: '3,220.00' });
  assert.deepEqual(read.missing_months, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  assert.deepEqual(read.notes.map((n) => n.code), ['statement.no_due', 'statement.months_missing']);
});

test('readStatement throws only for what is not text or not a year', () => {
  assert.throws(() => engine.readStatement(42), /must be a string/);
  assert.throws(() => engine.readStatement('1', 25.5), /dataYear/);
  assert.equal(engine.readStatement('').ok, false);
  assert.equal(engine.readStatement('', undefined, 'en').code, 'statement.empty');
});
