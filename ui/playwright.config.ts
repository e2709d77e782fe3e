import { defineConfig } from '@playwright/test';

// The browser tests: one Newsroom server for all (e2e/global-setup.ts), each flow its own test so a
// failure does not hide the others, run one after the other (the machine is small). Debian's Chromium
// drives them; Playwright's own browser download is never needed (and `playwright install` never run).
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  outputDir: './target/e2e-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: './target/e2e-report', open: 'never' }],
    ['junit', { outputFile: './target/e2e-results/junit.xml' }],
  ],
  use: {
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      headless: process.env.E2E_HEADED !== '1',
      args: ['--no-sandbox', '--disable-background-networking', '--lang=en-GB'],
    },
  },
});
