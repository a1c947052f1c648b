#!/usr/bin/env node
// The posixbox command: runs the CLI (dist/cli.js). In a git checkout it first rebuilds dist/ when
// dist/ is missing or stale: when a file it was built from (dist/build-stamp.json lists them, with
// their modification times: scripts/build.mjs) changed, went or was never recorded. Anywhere else
// (an installed package) it never builds.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');

/** Whether dist/ is not the build of the files as they are now. */
function stale() {
  if (!existsSync(cli)) return true;
  let files;
  try {
    files = JSON.parse(readFileSync(join(root, 'dist', 'build-stamp.json'), 'utf8')).files;
  } catch {
    return true; // no stamp (an older build, or one that failed), or a damaged one
  }
  if (files === null || typeof files !== 'object') return true;
  for (const [path, mtime] of Object.entries(files)) {
    if (statSync(join(root, path), { throwIfNoEntry: false })?.mtimeMs !== mtime) return true;
  }
  return false;
}

const checkout = existsSync(join(root, '.git')) && existsSync(join(root, 'src')) && existsSync(join(root, 'scripts', 'build.mjs'));
if (checkout ? stale() : !existsSync(cli)) {
  if (!checkout) {
    process.stderr.write(`posixbox: ${cli} is missing: this copy of posixbox was never built (npm run build)\n`);
    process.exit(1);
  }
  await import(pathToFileURL(join(root, 'scripts', 'build.mjs')).href);
}
process.env.TZ = 'UTC';
const { main } = await import(pathToFileURL(cli).href);
process.exit(await main(process.argv.slice(2)));
