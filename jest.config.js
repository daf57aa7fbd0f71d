/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/setup.ts'],
  testMatch: ['<rootDir>/**/*.test.ts'],
  // test/architecture/fixtures is a fake tree the layering test cruises, not tests.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/architecture/fixtures/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
