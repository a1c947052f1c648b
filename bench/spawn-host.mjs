// The host side of bench spawn, run in a fresh Node process of its own so that the host is
// measured in its best conditions (a small process: fork's page-table copy stays cheap).
// argv: runs, pause in ms (0: back to back, no yield to the event loop between runs). Prints the
// times in ms as JSON.
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const [runs, pause] = process.argv.slice(2).map(Number);
const out = [];
for (let i = 0; i < 5; i++) spawnSync('/bin/true'); // unmeasured, as the kernel side warms up
for (let i = 0; i < runs; i++) {
  if (pause > 0) await sleep(pause);
  const t0 = performance.now();
  const r = spawnSync('/bin/true');
  out.push(performance.now() - t0);
  if (r.status !== 0) throw new Error('/bin/true failed');
}
console.log(JSON.stringify(out));
