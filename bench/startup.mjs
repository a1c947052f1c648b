// bench startup: the whole-process wall time of `node bin/posixbox.mjs -c true` (Node starts, the
// CLI boots a kernel, /bin/sh runs `true` in a Worker, the kernel shuts down, Node exits) and of
// `node bin/posixbox.mjs run FILE` with a trivial program, beside `node -e 0` (Node's own start),
// interleaved run by run so that the machine's load weighs on all three; medians.
//
// bin/posixbox.mjs rebuilds dist/ first when a file under src/ is newer than dist/cli.js; one
// unmeasured run of each comes first, and a rebuild during the measured runs is reported.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit, median } from './_lib.mjs';

const RUNS = Number(process.env.STARTUP_BENCH_RUNS ?? 10);
const root = fileURLToPath(new URL('..', import.meta.url));
const cliJs = join(root, 'dist', 'cli.js');

function timed(args, label) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 || r.stdout !== '') throw new Error(`${label} failed (status ${r.status ?? r.signal}): ${r.stdout}${r.stderr}`);
  return ms;
}

export default async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'pbx-startup-'));
  const file = join(dir, 'trivial.js');
  writeFileSync(file, "import os from 'posixbox/os';\nexport function main() { return 0; }\n");
  const cases = [
    { name: 'node -e 0', args: ['-e', '0'], times: [] },
    { name: 'posixbox -c true', args: [join(root, 'bin', 'posixbox.mjs'), '-c', 'true'], times: [] },
    { name: 'posixbox run trivial.js', args: [join(root, 'bin', 'posixbox.mjs'), 'run', file], times: [] },
  ];
  try {
    for (const c of cases) timed(c.args, c.name); // unmeasured: the disk cache, and a rebuild if dist/ is stale
    const built = statSync(cliJs).mtimeMs;
    for (let i = 0; i < RUNS; i++) for (const c of cases) c.times.push(timed(c.args, c.name));
    if (statSync(cliJs).mtimeMs !== built) console.log('note: dist/ was rebuilt during the measured runs (src/ changed); some runs include a build');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [node, sh, run] = cases.map((c) => median(c.times));
  console.log(`${RUNS} interleaved runs each, whole-process wall time (spawnSync from this process), medians:`);
  for (const c of cases) {
    const s = [...c.times].sort((a, b) => a - b);
    console.log(`  ${c.name.padEnd(24)} ${median(c.times).toFixed(1).padStart(7)} ms   (min ${s[0].toFixed(1)}, max ${s[s.length - 1].toFixed(1)})`);
  }
  console.log(`posixbox -c true costs ${(sh - node).toFixed(1)} ms beyond Node's own start (${(sh / node).toFixed(2)}x node -e 0)`);
  emit('startup', 'posixbox_c_true_ms', sh, 'node -e 0', node);
  emit('startup', 'posixbox_run_trivial_ms', run, 'node -e 0', node);
}
