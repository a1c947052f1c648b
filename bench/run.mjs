// npm run bench -- NAME: runs bench/NAME.mjs (after the build). Each benchmark prints its figures
// and ends with one JSON line per metric, with the reference measured beside it in the same run.
import { readdirSync } from 'node:fs';

const names = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_')).map((f) => f.slice(0, -4));
const wanted = process.argv.slice(2);
if (wanted.length === 0) {
  console.log(`usage: npm run bench -- NAME   (one of: ${names.join(', ')})`);
  process.exit(2);
}
for (const name of wanted) {
  if (!names.includes(name)) {
    console.error(`no benchmark '${name}' (have: ${names.join(', ')})`);
    process.exit(2);
  }
  const mod = await import(new URL(`./${name}.mjs`, import.meta.url).href);
  await mod.default();
}
process.exit(0);
