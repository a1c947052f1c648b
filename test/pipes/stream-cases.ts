/**
 * Pipes under load: 100 MB through a three-process pipeline with the exact bytes at the end,
 * and PIPE_BUF atomicity with four concurrent writers (real-time mode, processes in parallel).
 */
import type { PipeCase } from './cases.js';

/** The last stage: counts stdin's bytes and hashes them (FNV-1a, 32 bits). */
const SUM = `#!posixbox
import os from 'posixbox/os';
export function main() {
  const buf = new Uint8Array(200000);
  let total = 0, h = 0x811c9dc5;
  for (;;) {
    const n = os.readinto(0, buf);
    if (n === 0) break;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    total += n;
  }
  console.log('sum:', total, 'bytes, fnv', (h >>> 0).toString(16));
  return 0;
}
`;

const MB100 = 100 * 1000 * 1000;

export const STREAM_CASES: readonly PipeCase[] = [
  { name: 'a pipeline of three processes moves 100 MB, and the last one sees exactly the bytes sent', nextPid: 100,
    timeoutMs: 120_000,
    files: [{ path: '/tmp/sum', content: SUM }],
    body: `const [r1, w1] = os.pipe(), [r2, w2] = os.pipe();
const relay = os.fork();
if (relay === 0) {
  os.close(w1); os.close(r2);
  const buf = new Uint8Array(77777);
  let moved = 0;
  for (;;) { const n = os.readinto(r1, buf); if (n === 0) break; if (os.write(w2, buf.subarray(0, n)) !== n) return 1; moved += n }
  console.log('relay: moved', moved, 'bytes');
  return 0;
}
const sum = os.posix_spawn('/tmp/sum', ['sum'], os.environ, { file_actions: [['dup2', r2, 0], ['close', r1], ['close', w1], ['close', r2], ['close', w2]] });
os.close(r1); os.close(r2); os.close(w2);
const block = new Uint8Array((1 << 20) + 251);
let x = 2463534242;
for (let i = 0; i < block.length; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; block[i] = x & 0xff }
let sent = 0, h = 0x811c9dc5, k = 0;
while (sent < ${MB100}) {
  const n = Math.min(1 << 20, ${MB100} - sent), off = (k++ * 37) % 251;
  const chunk = block.subarray(off, off + n);
  for (let i = 0; i < n; i++) h = Math.imul(h ^ chunk[i], 0x01000193);
  if (os.write(w1, chunk) !== n) { console.log('short write'); return 1 }
  sent += n;
}
os.close(w1);
console.log('producer:', sent, 'bytes, fnv', (h >>> 0).toString(16));
console.log(JSON.stringify(os.waitpid(relay, 0)), JSON.stringify(os.waitpid(sum, 0)));`,
    stdout: 'producer: 100000000 bytes, fnv d074b94\nrelay: moved 100000000 bytes\nsum: 100000000 bytes, fnv d074b94\n[101,0] [102,0]\n' },

  { name: 'PIPE_BUF: 4 concurrent writers of 4096-byte records; no record is ever split or interleaved', realtime: true,
    timeoutMs: 60_000,
    body: `const [r, w] = os.pipe();
const RECORDS = 1500, kids = [];
for (let id = 1; id <= 4; id++) {
  const pid = os.fork();
  if (pid === 0) {
    os.close(r);
    const rec = new Uint8Array(4096).fill(id);
    for (let seq = 0; seq < RECORDS; seq++) { rec[1] = seq & 0xff; rec[2] = seq >> 8; if (os.write(w, rec) !== 4096) return 1 }
    return 0;
  }
  kids.push(pid);
}
os.close(w);
const all = new Uint8Array(4 * RECORDS * 4096);
let got = 0, reads = 0;
for (;;) { const b = os.read(r, 5000 + (reads++ % 7) * 1111); if (b.length === 0) break; all.set(b, got); got += b.length }
const next = [0, 0, 0, 0, 0];
let torn = 0, disorder = 0;
for (let off = 0; off < got; off += 4096) {
  const id = all[off];
  for (let i = 3; i < 4096; i++) if (all[off + i] !== id) { torn++; break }
  if (id < 1 || id > 4) continue;
  const seq = all[off + 1] | (all[off + 2] << 8);
  if (seq !== next[id]) disorder++;
  next[id] = seq + 1;
}
console.log('bytes', got, 'records', got / 4096, 'torn', torn, 'out of order', disorder, 'per writer', next.slice(1).join(','));
console.log(kids.map((p) => os.WEXITSTATUS(os.waitpid(p, 0)[1])).join(','));`,
    stdout: 'bytes 24576000 records 6000 torn 0 out of order 0 per writer 1500,1500,1500,1500\n0,0,0,0\n' },
];
