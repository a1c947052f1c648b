/**
 * Job control builtins: jobs, fg, bg, wait, kill, with job specs %n %+ %% %- %name %?text.
 * fg gives the job the terminal (with job control) and continues it with SIGCONT; bg continues a
 * stopped job in the background; wait is interrupted by a trapped signal (status 128+n).
 */
import os, { OSError } from 'posixbox/os';
import { ShellError } from '../state.js';
import type { Shell } from '../shell.js';
import { exitCode, signalText, type Job } from '../jobs.js';
import { SIGNALS, signalNumber } from '../exec/traps.js';

const fail = (msg: string, status = 2): ShellError => new ShellError(msg, status, false);

function findJob(sh: Shell, spec: string, who: string): Job {
  const jobs = sh.jobs;
  let job: Job | undefined;
  if (spec === '%' || spec === '%%' || spec === '%+') job = jobs.current();
  else if (spec === '%-') job = jobs.previous();
  else if (/^%[0-9]+$/.test(spec)) job = jobs.list.find((j) => j.id === Number(spec.slice(1)));
  else if (spec.startsWith('%?')) job = jobs.list.find((j) => j.text.includes(spec.slice(2)));
  else if (spec.startsWith('%')) job = jobs.list.find((j) => j.text.startsWith(spec.slice(1)));
  else if (/^[0-9]+$/.test(spec)) job = jobs.list.find((j) => j.pids.includes(Number(spec)));
  if (!job) throw fail(spec === '%' || spec === '%%' || spec === '%+' ? `${who}: No current job` : `${who}: No such job: ${spec}`);
  return job;
}

export function jobs(sh: Shell, argv: string[]): number {
  const args = argv.slice(1);
  let mode = '';
  const specs: string[] = [];
  for (const a of args) {
    if (/^-[lp]+$/.test(a)) mode = a.includes('p') ? 'p' : 'l';
    else specs.push(a);
  }
  sh.jobs.reap();
  const list = specs.length ? specs.map((s) => findJob(sh, s, 'jobs')) : [...sh.jobs.list].reverse();
  const out: string[] = [];
  for (const j of list) {
    if (mode === 'p') out.push(`${j.pgid}\n`);
    else out.push(`${sh.jobs.line(j, mode === 'l')}\n`);
    if (j.state === 'Done') sh.jobs.remove(j);
  }
  sh.write(1, out.join(''));
  return 0;
}

function resume(sh: Shell, argv: string[], fg: boolean): number {
  const who = argv[0]!;
  const specs = argv.length > 1 ? argv.slice(1) : ['%+'];
  let status = 0;
  for (const spec of specs) {
    const job = findJob(sh, spec, who);
    if (!sh.st.on('monitor')) throw fail(`${who}: job control not enabled`);
    sh.write(1, fg ? `${job.text}\n` : `[${job.id}] ${job.text} &\n`);
    if (fg) {
      sh.jobs.setTerminal(job.pgid); // before SIGCONT: the job must not wake in the background
      job.hasTerminal = true;
    }
    try {
      os.killpg(job.pgid, 18);
    } catch {
      /* already gone */
    }
    job.state = 'Running';
    sh.jobs.touch(job.id);
    if (!fg) (job as { background: boolean }).background = true;
    if (fg) {
      (job as { background: boolean }).background = false;
      status = sh.jobs.foreground(job);
    }
  }
  return status;
}

export const fg = (sh: Shell, argv: string[]): number => resume(sh, argv, true);
export const bg = (sh: Shell, argv: string[]): number => resume(sh, argv, false);

export function wait(sh: Shell, argv: string[]): number {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  else if (args[0]?.startsWith('-') && args[0].length > 1) throw fail(`wait: Illegal option ${args[0].slice(0, 2)}`);
  if (args.length === 0) {
    for (const j of [...sh.jobs.list]) {
      const r = sh.jobs.wait(j, true);
      if (r === undefined) return 128 + (sh.pendingSignals[0] ?? 0);
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    let job: Job | undefined;
    if (a.startsWith('%')) job = findJob(sh, a, 'wait');
    else {
      if (!/^[0-9]+$/.test(a)) throw fail(`wait: Illegal number: ${a}`);
      job = sh.jobs.list.find((j) => j.pids.includes(Number(a)));
      if (!job) {
        const orphan = sh.jobs.orphans.get(Number(a));
        status = orphan === undefined ? 127 : exitCode(orphan);
        continue;
      }
    }
    const r = sh.jobs.wait(job, true);
    if (r === undefined) return 128 + (sh.pendingSignals[0] ?? 0);
    status = r;
    const ws = job.statuses[job.statuses.length - 1] ?? 0;
    if (!job.announced && (ws & 0x7f) !== 0 && (ws & 0xff) !== 0x7f && (ws & 0x7f) !== 2 && (ws & 0x7f) !== 13) sh.write(2, `${signalText(ws & 0x7f)}\n`);
    job.announced = true;
  }
  return status;
}

const KILL_USAGE = 'kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]';

export function kill(sh: Shell, argv: string[]): number {
  let args = argv.slice(1);
  let sig = 15;
  if (args[0] === '-l' || args[0] === '-L') {
    if (args.length === 1) { sh.write(1, `0\n${SIGNALS.slice(1).join('\n')}\n`); return 0; }
    for (const a of args.slice(1, 2)) {
      const n = /^[0-9]+$/.test(a) ? Number(a) & 0x7f : signalNumber(a);
      if (n === undefined || n >= SIGNALS.length) throw fail(`kill: invalid signal number or exit status: ${a}`);
      sh.write(1, /^[0-9]+$/.test(a) ? `${SIGNALS[n]}\n` : `${n}\n`);
    }
    return 0;
  }
  if (args[0] === '-s') {
    const n = args[1] === undefined ? undefined : signalNumber(args[1].toUpperCase());
    if (n === undefined) throw fail(args[1] === undefined ? KILL_USAGE : `kill: invalid signal number or name: ${args[1]}`);
    sig = n;
    args = args.slice(2);
  } else if (args[0]?.startsWith('-') && args[0] !== '--' && args[0].length > 1) {
    const n = signalNumber(args[0].slice(1).toUpperCase());
    if (n === undefined) throw fail(`kill: invalid signal number or name: ${args[0].slice(1)}`);
    sig = n;
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) throw fail(KILL_USAGE);
  let status = 0;
  for (const a of args) {
    try {
      if (a.startsWith('%')) {
        const job = findJob(sh, a, 'kill');
        os.kill(-job.pgid, sig);
        // a stopped job only acts on the signal once continued (bash continues it too)
        if (job.state === 'Stopped' && sig !== 18 && sig !== 19 && sig !== 20) os.kill(-job.pgid, 18);
        if (sig === 18) job.state = 'Running';
        continue;
      }
      if (!/^-?[0-9]+$/.test(a)) throw fail(`kill: Illegal number: ${a}`);
      os.kill(Number(a), sig);
    } catch (e) {
      if (e instanceof OSError) { sh.err(`kill: ${e.strerror}\n`); status = 1; continue; }
      throw e;
    }
  }
  return status;
}
