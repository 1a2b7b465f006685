// The JavaScript package in Node against the native engine, on every
// sample (issue 23: `check` within 2× of native). The machine is shared and
// its load moves, so native and Node runs are interleaved round by round:
// each round times CALLS calls of every function on every sample, natively
// (the harness benches/check_samples.rs, one round a run) and then in each
// package given. A figure is the median over the rounds of each round's
// mean per call (the minimum beside it), in wall time and in the process's
// CPU time, with the load average over the sitting.
//
//   node benches/node_check.mjs [--pkg pkg/node/wengang.js]... [--native BIN]
//                               [--rounds 7] [--calls 2000] [--json FILE]
//
// BIN is the native harness (`cargo bench --bench check_samples --no-run`
// prints its path); benches/node_check.sh builds both and runs this. Each
// `--pkg` is timed (a build before and after a change, side by side).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const packages = args.flatMap((a, i) => (args[i - 1] === '--pkg' ? [resolve(a)] : []));
if (packages.length === 0) packages.push(join(ROOT, 'pkg/node/wengang.js'));
const nativeBin = option('--native', null);
const ROUNDS = Number(option('--rounds', 7));
const CALLS = Number(option('--calls', 2000));
const jsonOut = option('--json', null);

const SAMPLES = readdirSync(join(ROOT, 'samples'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const text = readFileSync(join(ROOT, 'samples', f), 'utf8');
    return { name: f.replace(/\.json$/, ''), text, object: JSON.parse(text) };
  });

const load = () => loadavg()[0];

/** µs a call in one round of CALLS calls: wall and CPU. */
function round(f) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < CALLS; i++) f();
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage(c0);
  return { us: Number(t1 - t0) / 1e3 / CALLS, cpu_us: (c1.user + c1.system) / CALLS };
}

/** What each package is timed on: [what, sample, f]. */
function calls(engine) {
  const out = [];
  for (const s of SAMPLES) {
    out.push(['check_object', s.name, () => engine.check(s.object, 'zh')]);
    out.push(['check_text', s.name, () => engine.check(s.text, 'zh')]);
    out.push([
      'validate_field',
      s.name,
      () => engine.validateField('applicant.credit_code', '91320500MA1XXXXX0X', s.object, 'zh'),
    ]);
    let submission = null;
    try {
      submission = JSON.stringify(engine.submit(s.object));
    } catch {
      // Not a valid application: no submission to verify.
    }
    if (submission) out.push(['verify', s.name, () => engine.verify(submission, 'zh')]);
  }
  return out;
}

// runs[run][what/sample] = per-round figures.
const runs = new Map();
const record = (run, what, sample, figure) => {
  if (!runs.has(run)) runs.set(run, new Map());
  const key = `${what}/${sample}`;
  if (!runs.get(run).has(key)) runs.get(run).set(key, []);
  runs.get(run).get(key).push(figure);
};
const engines = packages.map((p) => {
  const engine = require(p);
  const timed = calls(engine);
  // Warm up (the JIT tiers up the glue and the module).
  for (const [, , f] of timed) for (let i = 0; i < CALLS / 4; i++) f();
  return { path: p, timed };
});
const loads = [load()];
for (let r = 0; r < ROUNDS; r++) {
  if (nativeBin) {
    const text = execFileSync(nativeBin, ['1', String(CALLS)], { encoding: 'utf8' });
    for (const line of text.trim().split('\n')) {
      const f = JSON.parse(line);
      record('native', f.what, f.sample, { us: f.us, cpu_us: f.cpu_us });
    }
  }
  for (const { path, timed } of engines) {
    for (const [what, sample, f] of timed) record(path, what, sample, round(f));
  }
  loads.push(load());
}

const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
const summary = (figures) => ({
  us: median(figures.map((f) => f.us)),
  cpu_us: median(figures.map((f) => f.cpu_us)),
  min_us: Math.min(...figures.map((f) => f.us)),
});
const NATIVE_OF = {
  check_object: 'check_from_json',
  check_text: 'check_from_json',
  validate_field: 'validate_field',
  verify: 'verify',
};
const rel = (p) => (p === 'native' ? 'native' : p.replace(ROOT + '/', ''));
const fmt = (x) => x.toFixed(1).padStart(6);
const result = { rounds: ROUNDS, calls: CALLS, load: loads, runs: {} };
console.log(
  `${ROUNDS} rounds × ${CALLS} calls, interleaved; µs a call: median wall / median CPU / min wall; ` +
    `load average (1 min) over the rounds: ${loads.map((l) => l.toFixed(2)).join(' ')}`,
);
const native = runs.get('native');
if (native) {
  result.runs.native = {};
  console.log('native (benches/check_samples.rs)');
  for (const [key, figures] of native) {
    const s = summary(figures);
    result.runs.native[key] = s;
    console.log(`  ${key.padEnd(40)} ${fmt(s.us)} /${fmt(s.cpu_us)} /${fmt(s.min_us)}`);
  }
}
for (const { path } of engines) {
  result.runs[rel(path)] = {};
  console.log(rel(path));
  const ratios = [];
  for (const [key, figures] of runs.get(path)) {
    const s = summary(figures);
    const [what, sample] = key.split('/');
    const n = native?.get(`${NATIVE_OF[what]}/${sample}`);
    let ratio = '';
    if (n) {
      const ns = summary(n);
      s.ratio = s.us / ns.us;
      s.ratio_cpu = s.cpu_us / ns.cpu_us;
      s.ratio_min = s.min_us / ns.min_us;
      if (what.startsWith('check')) ratios.push(s.ratio);
      ratio = `  ×${s.ratio.toFixed(2)} / ×${s.ratio_cpu.toFixed(2)} / ×${s.ratio_min.toFixed(2)} native ${NATIVE_OF[what]}`;
    }
    result.runs[rel(path)][key] = s;
    console.log(`  ${key.padEnd(40)} ${fmt(s.us)} /${fmt(s.cpu_us)} /${fmt(s.min_us)}${ratio}`);
  }
  if (ratios.length) console.log(`  check: ×${Math.min(...ratios).toFixed(2)} to ×${Math.max(...ratios).toFixed(2)} native (median wall)`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(result, null, 1));
