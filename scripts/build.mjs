// Builds the Node bundles with esbuild: the worker (worker_threads cannot load .ts), the package
// entry, the os module and the CLI. Fast (well under a second); run before tests and by bin/.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: {
    worker: 'src/proc/worker-entry.node.ts',
    index: 'src/index.ts',
    os: 'src/os/index.ts',
    cli: 'src/cli/main.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  alias: { 'posixbox/os': './src/os/index.ts' },
  logLevel: 'warning',
});
