// Unit tests need no server; integration tests share one real Temporal dev server,
// started once per run by test/integration/global-setup.ts.
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }],
};

// Slow fault tests (processes SIGKILLed, fuzzing, many clients) run only through
// `npm run test:faults`, which sets ALUR_FAULTS=1; `npm test` never starts them.
const faults = {
  displayName: 'faults',
  testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
  transform,
  testEnvironment: 'node',
  testEnvironmentOptions: { globalsCleanup: 'off' },
  globalSetup: '<rootDir>/test/integration/global-setup.ts',
  globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  // Integration tests drive real servers; the timeout is a safety net, not an assertion.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
      testEnvironmentOptions: { globalsCleanup: 'off' },
    },
    {
      displayName: 'integration',
      // Browser tests (test/e2e) share the integration project's one Temporal dev server.
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/e2e/**/*.test.ts'],
      transform,
      testEnvironment: 'node',
      testEnvironmentOptions: { globalsCleanup: 'off' },
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
    },
    ...(process.env.ALUR_FAULTS === '1' ? [faults] : []),
  ],
};
