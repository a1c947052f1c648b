#!/usr/bin/env node
// The posixbox command: builds dist/ from src/ when it is missing or older, then runs the CLI.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync(cli) || (existsSync(join(root, 'src')) && newest(join(root, 'src')) > statSync(cli).mtimeMs)) {
  await import(pathToFileURL(join(root, 'scripts', 'build.mjs')).href);
}
process.env.TZ = 'UTC';
const { main } = await import(pathToFileURL(cli).href);
process.exit(await main(process.argv.slice(2)));
