import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';

const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

// `posixbox/os` is the os API's source in the browser build too (scripts/build.mjs aliases it the
// same way for Node): the lesson library imports it, and it must be the one module the process's
// runtime registers, not the package's dist/os.js.
const osSource = fileURLToPath(new URL('./src/os/index.ts', import.meta.url));

export default defineConfig({
  // Cross-origin isolation (SharedArrayBuffer). Vitest's browser server copies server.headers onto
  // every response: the orchestrator, the tester iframe, the test modules and the Worker scripts.
  server: {
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        resolve: { alias: [{ find: /^posixbox\/os$/, replacement: osSource }] },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
            // No failure screenshots (they land in __screenshots__/ and .vitest-attachments/): the
            // page is blank, every assertion is about bytes.
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
