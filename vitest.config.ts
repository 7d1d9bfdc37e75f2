import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of the workspace packages, never their build output,
// so a test never exercises stale code and class identities (instanceof) stay single.
const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const alias = {
  '@signaalhub/config': source('./packages/config/src/index.ts'),
  '@signaalhub/logging': source('./packages/logging/src/index.ts'),
  '@signaalhub/contracts': source('./packages/contracts/src/index.ts'),
  '@signaalhub/bus': source('./packages/bus/src/index.ts'),
  '@signaalhub/envelope': source('./packages/envelope/src/index.ts'),
  '@signaalhub/identity': source('./packages/identity/src/index.ts'),
  '@signaalhub/database': source('./packages/database/src/index.ts'),
  '@signaalhub/audit': source('./packages/audit/src/index.ts'),
  '@signaalhub/access': source('./packages/access/src/index.ts'),
  '@signaalhub/matching': source('./packages/matching/src/index.ts'),
  '@signaalhub/deadlines': source('./packages/deadlines/src/index.ts'),
  '@signaalhub/inbox': source('./packages/inbox/src/index.ts'),
  '@signaalhub/outbox': source('./packages/outbox/src/index.ts'),
  '@signaalhub/service-kit': source('./packages/service-kit/src/index.ts'),
  '@signaalhub/test-infra': source('./packages/test-infra/src/index.ts'),
  '@signaalhub/stack': source('./infra/stack/src/index.ts'),
};

const tierFiles = ['packages', 'infra', 'services', 'test'];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: tierFiles.map((dir) => `${dir}/**/*.test.ts`),
          exclude: ['**/node_modules/**', '**/dist/**', '**/*.int.test.ts', '**/*.e2e.test.ts'],
          // Generous: CI is a noisy 2-core machine and the tamper corpus does real OpenPGP work.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: tierFiles.map((dir) => `${dir}/**/*.int.test.ts`),
          exclude: ['**/node_modules/**', '**/dist/**'],
          globalSetup: ['./packages/test-infra/src/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          // The integration tier shares one broker; two test files at a time keep a 2-core machine responsive.
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: tierFiles.map((dir) => `${dir}/**/*.e2e.test.ts`),
          exclude: ['**/node_modules/**', '**/dist/**'],
          globalSetup: ['./packages/test-infra/src/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
