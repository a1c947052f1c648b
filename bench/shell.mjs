// bench shell: six shell workloads, each on posixbox's /bin/sh, on the host's dash and on
// just-bash (an npm package: a bash interpreter in TypeScript with an in-memory filesystem; a
// benchmark peer only), in one run:
//
//   a. 200 × /bin/true in a sh loop        d. seq 1 1000000 | sort -n | uniq | wc -l
//   b. 200 × echo x | cat                   e. a 100,000-iteration arithmetic loop of builtins
//   c. find over 10,000 files | wc -l       f. `posixbox -c true`, `dash -c true`, `just-bash -c true`
//                                               as whole host processes
//
// a–e: posixbox runs `sh -c SCRIPT` through a kernel booted once (real-time mode, the default
// pool), timed from spawn to exit and the end of its output: the kernel's boot is not counted.
// dash runs `/usr/bin/dash -c SCRIPT` (GNU find, coreutils) in a temp dir on real files, timed
// around spawnSync. just-bash runs `bash.exec(SCRIPT)` on one Bash instance with its in-memory
// filesystem. The find tree (100 directories of 100 empty files) is made first, untimed, on each
// side. Each workload runs a few times on each shell, the three shells taking turns, and the
// median is reported; a cell whose runs pass a time budget stops early (its count is printed).
// Every run's output is checked against the expected one (the same on all three shells), so that
// a broken run cannot pass as fast: such a cell is reported as failed, with its error, and emits
// no figure.
//
// f: whole-process wall time, from this process's spawnSync to the child's exit: Node's start and
// the kernel's boot included for posixbox; just-bash's CLI (node_modules/just-bash/dist/bin) is
// run with --root on an empty temp dir.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boot } from '../dist/index.js';
import { PROGRAMS } from '../dist/programs.js';
import { emit, median } from './_lib.mjs';

const REPS = Number(process.env.SHELL_BENCH_REPS ?? 3);
const CELL_BUDGET_MS = Number(process.env.SHELL_BENCH_CELL_BUDGET_MS ?? 25_000);
const DIRS = 100, FILES_PER_DIR = 100;
const root = fileURLToPath(new URL('..', import.meta.url));
const JUST_BASH_CLI = join(root, 'node_modules', 'just-bash', 'dist', 'bin', 'just-bash.js');

const WORKLOADS = [
  { id: 'a', metric: 'true_x200_ms', name: '200 × /bin/true',
    script: 'i=0; while [ $i -lt 200 ]; do /bin/true; i=$((i+1)); done; echo $i', expect: '200\n' },
  { id: 'b', metric: 'echo_cat_x200_ms', name: '200 × echo x | cat',
    script: 'i=0; while [ $i -lt 200 ]; do echo x | cat; i=$((i+1)); done', expect: 'x\n'.repeat(200) },
  { id: 'c', metric: 'find_10k_wc_ms', name: 'find (10,000 files) | wc -l',
    script: 'find tree | wc -l', expect: `${1 + DIRS + DIRS * FILES_PER_DIR}\n` },
  { id: 'd', metric: 'seq_sort_uniq_wc_1m_ms', name: 'seq 1e6 | sort -n | uniq | wc -l',
    script: 'seq 1 1000000 | sort -n | uniq | wc -l', expect: '1000000\n' },
  { id: 'e', metric: 'arith_loop_100k_ms', name: '100,000 × i=$((i+1)) (builtins)',
    script: 'i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo $i', expect: '100000\n' },
];

// wc pads its count on some systems: compare lines with surrounding blanks removed.
const norm = (s) => s.split('\n').map((l) => l.trim()).join('\n');

// ---- posixbox: sh -c on a kernel booted once --------------------------------------------------

const TREE_PROGRAM = `import os from 'posixbox/os';
export function main() {
  for (let d = 0; d < ${DIRS}; d++) {
    os.makedirs('/tmp/bench/tree/d' + d, 0o755, true);
    for (let f = 0; f < ${FILES_PER_DIR}; f++) os.close(os.open('/tmp/bench/tree/d' + d + '/f' + f, os.O_WRONLY | os.O_CREAT, 0o644));
  }
  return 0;
}`;

/** Runs a program on the kernel; resolves with its status, stdout, stderr and wall time (ms). */
async function kernelRun(k, program, argv, cwd = '/tmp/bench') {
  const out = [], err = [];
  let outDone, errDone;
  const outEnded = new Promise((r) => { outDone = r; });
  const errEnded = new Promise((r) => { errDone = r; });
  const w1 = k.capturePipe((b) => out.push(Buffer.from(b)), () => outDone());
  const w2 = k.capturePipe((b) => err.push(Buffer.from(b)), () => errDone());
  const t0 = performance.now();
  const h = k.spawn({ program, argv, env: ['PATH=/bin:/usr/bin', 'HOME=/root', 'LC_ALL=C'], cwd,
    stdio: [{ kind: 'null' }, { kind: 'file', file: w1 }, { kind: 'file', file: w2 }] });
  k.vfs.close(w1);
  k.vfs.close(w2);
  const [status] = await Promise.all([h.exited, outEnded, errEnded]);
  const ms = performance.now() - t0;
  return { status, ms, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

async function posixboxSide() {
  const diagnostics = [];
  const k = boot({ realtime: true, onDiagnostic: (m) => diagnostics.push(m) });
  const tree = await kernelRun(k, { source: TREE_PROGRAM, path: 'tree.js' }, ['tree'], '/');
  if (tree.status !== 0) throw new Error(`posixbox: making the tree failed (${tree.status}): ${tree.stderr}`);
  // Unmeasured: the pool's Worker starts, and the shell's image is loaded once.
  await kernelRun(k, { source: PROGRAMS.sh, path: '/bin/sh' }, ['sh', '-c', 'true']);
  return {
    name: 'posixbox',
    run: async (script) => {
      diagnostics.length = 0;
      const r = await kernelRun(k, { source: PROGRAMS.sh, path: '/bin/sh' }, ['sh', '-c', script]);
      if (diagnostics.length) r.stderr += diagnostics.join('');
      return r;
    },
    close: () => k.shutdown(),
  };
}

// ---- dash: on real files under a temp dir -----------------------------------------------------

function makeHostTree(dir) {
  for (let d = 0; d < DIRS; d++) {
    mkdirSync(join(dir, 'tree', `d${d}`), { recursive: true });
    for (let f = 0; f < FILES_PER_DIR; f++) writeFileSync(join(dir, 'tree', `d${d}`, `f${f}`), '');
  }
}

function dashSide() {
  const dir = mkdtempSync(join(tmpdir(), 'pbx-shell-bench-'));
  makeHostTree(dir);
  return {
    name: 'dash',
    run: async (script) => {
      const t0 = performance.now();
      const r = spawnSync('/usr/bin/dash', ['-c', script], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
        env: { PATH: '/usr/bin:/bin', HOME: dir, LC_ALL: 'C' } });
      const ms = performance.now() - t0;
      return { status: r.status === null ? `signal ${r.signal}` : r.status << 8, ms, stdout: r.stdout, stderr: r.stderr ?? String(r.error ?? '') };
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// ---- just-bash: one Bash instance, its in-memory filesystem -----------------------------------

async function justBashSide() {
  const { Bash } = await import('just-bash');
  // Its default limits stop a 100,000-iteration loop (maxLoopIterations, maxCommandCount,
  // maxWorkUnits): raised, as they would be for a real script of this size.
  const BIG = 1e12;
  const bash = new Bash({ cwd: '/tmp/bench', env: { LC_ALL: 'C' },
    executionLimits: { maxCommandCount: BIG, maxLoopIterations: BIG, maxWorkUnits: BIG, maxExecutionTimeMs: 600_000 } });
  for (let d = 0; d < DIRS; d++) {
    await bash.fs.mkdir(`/tmp/bench/tree/d${d}`, { recursive: true });
    for (let f = 0; f < FILES_PER_DIR; f++) await bash.fs.writeFile(`/tmp/bench/tree/d${d}/f${f}`, '');
  }
  return {
    name: 'just-bash',
    run: async (script) => {
      const t0 = performance.now();
      const r = await bash.exec(script);
      const ms = performance.now() - t0;
      return { status: r.exitCode << 8, ms, stdout: r.stdout, stderr: r.stderr };
    },
    close: () => {},
  };
}

// ---- f: whole processes -----------------------------------------------------------------------

function startupSides() {
  const empty = mkdtempSync(join(tmpdir(), 'pbx-shell-bench-jb-'));
  const proc = (name, file, args, cwd) => ({
    name,
    run: async () => {
      const t0 = performance.now();
      const r = spawnSync(file, args, { cwd, encoding: 'utf8' });
      const ms = performance.now() - t0;
      return { status: r.status === null ? `signal ${r.signal}` : r.status << 8, ms, stdout: r.stdout, stderr: r.stderr ?? '' };
    },
  });
  return {
    sides: [
      proc('posixbox', process.execPath, [join(root, 'bin', 'posixbox.mjs'), '-c', 'true'], root),
      proc('dash', '/usr/bin/dash', ['-c', 'true'], empty),
      proc('just-bash', process.execPath, [JUST_BASH_CLI, '-c', 'true', '--root', empty], empty),
    ],
    close: () => rmSync(empty, { recursive: true, force: true }),
  };
}

// ---- the runs ---------------------------------------------------------------------------------

/** Runs one workload on every side, taking turns; returns { [side]: { times, error } }. */
async function measure(workload, sides) {
  const cells = Object.fromEntries(sides.map((s) => [s.name, { times: [], error: undefined }]));
  for (let rep = 0; rep < REPS; rep++) {
    for (const side of sides) {
      const cell = cells[side.name];
      if (cell.error || cell.times.reduce((a, b) => a + b, 0) >= CELL_BUDGET_MS) continue;
      let r;
      try {
        r = await side.run(workload.script);
      } catch (e) {
        cell.error = `threw: ${e instanceof Error ? e.message : String(e)}`;
        continue;
      }
      if (r.status !== 0 || norm(r.stdout) !== norm(workload.expect)) {
        const out = r.stdout.length > 200 ? `${r.stdout.slice(0, 200)}… (${r.stdout.length} bytes)` : r.stdout;
        cell.error = `status ${typeof r.status === 'number' ? `0x${r.status.toString(16)}` : r.status}, stdout ${JSON.stringify(out)}, stderr ${JSON.stringify(r.stderr.slice(0, 500))}`;
        continue;
      }
      cell.times.push(r.ms);
    }
  }
  return cells;
}

const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

export default async function main() {
  const all = [...WORKLOADS, { id: 'f', metric: 'startup_c_true_ms', name: 'whole process: -c true', expect: '' }];
  const results = [];
  const t0 = performance.now();
  const pbx = await posixboxSide();
  const sides = [pbx, dashSide(), await justBashSide()];
  try {
    for (const w of WORKLOADS) results.push({ w, cells: await measure(w, sides) });
  } finally {
    for (const s of sides) s.close();
  }
  const f = startupSides();
  try {
    results.push({ w: all[5], cells: await measure({ ...all[5], script: 'true' }, f.sides) });
  } finally {
    f.close();
  }

  console.log(`${REPS} runs per shell and workload, the shells taking turns (fewer where a cell passed ${CELL_BUDGET_MS / 1000} s); medians in ms:`);
  const head = ['workload', 'posixbox', 'dash', 'just-bash', 'pbx/dash', 'pbx/just-bash'];
  const rows = results.map(({ w, cells }) => {
    const cell = (n) => cells[n].error ? 'FAILED' : `${fmtMs(median(cells[n].times))}${cells[n].times.length < REPS ? ` (n=${cells[n].times.length})` : ''}`;
    const ratio = (n) => cells.posixbox.error || cells[n].error ? '—' : `${(median(cells.posixbox.times) / median(cells[n].times)).toFixed(2)}x`;
    return [`${w.id}. ${w.name}`, cell('posixbox'), cell('dash'), cell('just-bash'), ratio('dash'), ratio('just-bash')];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  for (const { w, cells } of results) {
    for (const [n, c] of Object.entries(cells)) if (c.error) console.log(`${w.id} on ${n} failed: ${c.error}`);
  }
  console.log(`(${((performance.now() - t0) / 1000).toFixed(0)} s in all)`);
  for (const { w, cells } of results) {
    if (cells.posixbox.error) continue;
    const p = median(cells.posixbox.times);
    if (!cells.dash.error) emit('shell', w.metric, p, w.id === 'f' ? 'dash -c true (whole process)' : 'dash -c (host)', median(cells.dash.times));
    if (!cells['just-bash'].error) emit('shell', `${w.metric}_vs_just_bash`, p, w.id === 'f' ? 'just-bash CLI -c true (whole process)' : 'just-bash 3.4.2 exec', median(cells['just-bash'].times));
  }
}
