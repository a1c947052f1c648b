// bench io: writing a file of 100 MiB and one of 400 MiB through the kernel's in-memory
// filesystem and reading each back (real-time mode), beside the host doing the same on /tmp with
// node:fs writeSync/readSync, in the same run. Both sides move 1 MiB blocks (the os API sends a
// block in channel-sized pieces); the host's timings include no fsync (its page cache, as the
// kernel's memory). The best of IO_BENCH_RUNS runs (default 3) is reported for each figure.
// The 100 MiB file is read first: its first 64 MiB of answers also go to the process's
// fork-replay record (proc/syscall-log.ts), which is full by the time the 400 MiB one is read.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emit, runProgram } from './_lib.mjs';

const MIB = 1 << 20;
const BLOCK = MIB;
const SIZES = [100, 400];

const program = `import os, { time } from 'posixbox/os';
export function main() {
  const block = new Uint8Array(${BLOCK});
  for (let i = 0; i < block.length; i++) block[i] = (i * 7 + 1) & 255;
  const into = new Uint8Array(${BLOCK});
  const out = {};
  const warm = os.open('/tmp/warm', os.O_CREAT | os.O_RDWR, 0o644); // the JIT's turn, untimed
  for (let i = 0; i < 16; i++) os.write(warm, block);
  os.lseek(warm, 0, 0);
  while (os.readinto(warm, into) > 0);
  os.close(warm);
  os.unlink('/tmp/warm');
  for (const mib of ${JSON.stringify(SIZES)}) {
    const total = mib * ${MIB};
    const path = '/tmp/io-' + mib;
    let fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o644);
    let t0 = time.perf_counter();
    for (let done = 0; done < total; done += block.length) {
      if (os.write(fd, block) !== block.length) return 1;
    }
    os.close(fd);
    const write = time.perf_counter() - t0;
    fd = os.open(path, os.O_RDONLY);
    let got = 0;
    let sum = 0;
    t0 = time.perf_counter();
    for (;;) {
      let n = 0;
      while (n < into.length) {
        const k = os.readinto(fd, into.subarray(n));
        if (k === 0) break;
        n += k;
      }
      if (n === 0) break;
      sum = (sum + into[n - 1]) | 0;
      got += n;
    }
    const read = time.perf_counter() - t0;
    os.close(fd);
    const size = os.stat(path).st_size;
    os.unlink(path);
    if (got !== total || size !== total || sum !== ((block[block.length - 1] * mib) | 0)) {
      console.log('bad read-back', mib, got, size, sum);
      return 1;
    }
    out[mib] = { write, read };
  }
  console.log(JSON.stringify(out));
  return 0;
}`;

function host() {
  const dir = mkdtempSync(join(tmpdir(), 'pbx-bench-io-'));
  const block = new Uint8Array(BLOCK);
  for (let i = 0; i < block.length; i++) block[i] = (i * 7 + 1) & 255;
  const into = new Uint8Array(BLOCK);
  const out = {};
  try {
    for (const mib of SIZES) {
      const total = mib * MIB;
      const path = join(dir, `io-${mib}`);
      let fd = openSync(path, 'w', 0o644);
      let t0 = performance.now();
      for (let done = 0; done < total; done += BLOCK) if (writeSync(fd, block) !== BLOCK) throw new Error('short host write');
      closeSync(fd);
      const write = (performance.now() - t0) / 1000;
      fd = openSync(path, 'r');
      let got = 0;
      t0 = performance.now();
      for (;;) {
        const n = readSync(fd, into, 0, BLOCK, null);
        if (n === 0) break;
        got += n;
      }
      const read = (performance.now() - t0) / 1000;
      closeSync(fd);
      rmSync(path);
      if (got !== total) throw new Error('short host read');
      out[mib] = { write, read };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export default async function main() {
  const runs = Number(process.env.IO_BENCH_RUNS ?? 3);
  const kernel = [];
  const hosts = [];
  for (let i = 0; i < runs; i++) {
    hosts.push(host());
    const r = await runProgram(program, { realtime: true });
    if (r.status !== 0) throw new Error(`bench program failed: ${r.stdout}`);
    kernel.push(JSON.parse(r.stdout));
  }
  const best = (rows, mib, op) => Math.min(...rows.map((x) => x[mib][op]));
  const mbps = (mib, secs) => (mib * MIB) / secs / 1e6;
  for (const mib of SIZES) {
    for (const op of ['write', 'read']) {
      const k = kernel.map((x) => x[mib][op].toFixed(3)).join(' ');
      const h = hosts.map((x) => x[mib][op].toFixed(3)).join(' ');
      console.log(`${op} ${mib} MiB in 1 MiB blocks: kernel ${k} s → best ${mbps(mib, best(kernel, mib, op)).toFixed(0)} MB/s;`
        + ` host /tmp ${h} s → best ${mbps(mib, best(hosts, mib, op)).toFixed(0)} MB/s`);
    }
  }
  const perByte = (rows) => (best(rows, 400, 'write') / 400) / (best(rows, 100, 'write') / 100);
  console.log(`400 MiB write, time per byte over the 100 MiB one's: kernel ${perByte(kernel).toFixed(2)}, host ${perByte(hosts).toFixed(2)}`
    + ' (bars: write ≥ 0.3x host, read ≥ 0.5x host, per-byte ratio ≤ 1)');
  for (const mib of SIZES) {
    emit('io', `write_${mib}MiB_MBps`, mbps(mib, best(kernel, mib, 'write')), 'host /tmp writeSync', mbps(mib, best(hosts, mib, 'write')));
    emit('io', `read_${mib}MiB_MBps`, mbps(mib, best(kernel, mib, 'read')), 'host /tmp readSync', mbps(mib, best(hosts, mib, 'read')));
  }
  emit('io', 'write_400MiB_per_byte_vs_100MiB', perByte(kernel), 'host /tmp writeSync, same ratio', perByte(hosts));
}
