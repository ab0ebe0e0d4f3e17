// The host register's web app in a real browser: Debian's chromium driven by playwright-core
// (never a browser download). A real flytthit-register on loopback receives a lead from a real
// kiosk sync; a Tynset host logs in, finds it, records "contacted" then "moved"; the
// coordinator's results count it; the XLSX export downloads and is read back with unzip.
// With SCREENS=DIR it also saves the screenshots of docs/screens/web-*.png.
//
// Environment: REGISTER and KIOSKCTL (the programs), SOURCE_DIR (the repository),
// optional SCREENS, FLYTTHIT_TEST_TIME_SCALE. Exit 0 only when every check held.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (error) {
  console.error('browser_test: playwright-core is not installed in tests/web; run board/setup-debian (npm ci there)');
  process.exit(1);
}

// As tests/test_support.h: a number in (0, 1000], below 1 counts as 1; anything else is refused
// (Number('slow') is NaN, and NaN timeouts would wait for nothing).
const scaleText = process.env.FLYTTHIT_TEST_TIME_SCALE || '1';
const scaleValue = Number(scaleText);
if (!(scaleValue > 0 && scaleValue <= 1000)) {
  throw new Error(`FLYTTHIT_TEST_TIME_SCALE must be a number in (0, 1000], not '${scaleText}'`);
}
const scale = Math.max(1, scaleValue);
const timeout = 30000 * scale;
const REGISTER = process.env.REGISTER;
const KIOSKCTL = process.env.KIOSKCTL;
const SOURCE_DIR = process.env.SOURCE_DIR;
const SCREENS = process.env.SCREENS || '';
for (const [name, value] of Object.entries({ REGISTER, KIOSKCTL, SOURCE_DIR })) {
  if (!value) { console.error(`browser_test: ${name} is not set`); process.exit(2); }
}

let failures = 0;
function check(condition, what) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) failures += 1;
}

function run(program, args, input) {
  const result = spawnSync(program, args, { input: input ?? '', encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${path.basename(program)} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return result.stdout;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'flytthit-browser-'));
const dir = path.join(work, 'register');
const kiosk = path.join(work, 'kiosk');
let server;
let browser;

async function start_register() {
  server = spawn(REGISTER, ['serve', '--dir', dir, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`the register did not start: ${seen}`)), 10000 * scale);
    server.stdout.on('data', (chunk) => {
      seen += chunk.toString();
      const found = seen.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (found) { clearTimeout(timer); resolve(found[1]); }
    });
    server.on('exit', (code) => reject(new Error(`the register exited (${code}): ${seen}`)));
  });
}

async function log_in(page, base, name, password) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', name);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

async function shoot(page, name) {
  if (!SCREENS) return;
  for (const [width, height] of [[1366, 768], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(SCREENS, `web-${name}-${width}x${height}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

try {
  run(REGISTER, ['init', dir]);
  const pairing = path.join(work, 'stand-1.json');
  run(REGISTER, ['add-user', '--dir', dir, 'koordinator', '--role', 'coordinator'], 'koordinator-passord\n');
  run(REGISTER, ['add-user', '--dir', dir, 'tynset-vert', '--role', 'host', '--municipality', 'tynset'], 'tynset-passord\n');
  const base = await start_register();
  run(REGISTER, ['add-device', '--dir', dir, 'stand-1', '--url', base, '--pairing-file', pairing]);

  // A lead from a real kiosk sync: sealed on the kiosk, opened at the register.
  run(KIOSKCTL, ['--data-dir', kiosk, 'pair', pairing]);
  const lead = JSON.parse(fs.readFileSync(path.join(SOURCE_DIR, 'register/examples/lead.json'), 'utf8'));
  lead.contact.name = 'Ingrid Fjellheim';
  lead.contact.phone = '04123456';
  run(KIOSKCTL, ['--data-dir', kiosk, 'add-lead', '-'], JSON.stringify(lead) + '\n');
  run(KIOSKCTL, ['--data-dir', kiosk, 'sync']);

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], timeout });
  const coordinator = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nb-NO' })).newPage();
  coordinator.setDefaultTimeout(timeout);
  await log_in(coordinator, base, 'koordinator', 'koordinator-passord');
  await coordinator.goto(`${base}/results`);
  const before = await coordinator.textContent('p.summary');
  check(/1\s+interesserte, 0\s+har flyttet/.test(before.replace(/\s+/g, ' ')), `results before: "${before.trim()}"`);

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nb-NO', acceptDownloads: true });
  const host = await context.newPage();
  host.setDefaultTimeout(timeout);
  await host.goto(`${base}/login`);
  await shoot(host, 'login');
  await log_in(host, base, 'tynset-vert', 'wrong-passord');
  check((await host.textContent('.alert')).includes('Feil brukernavn eller passord'), 'a wrong password is refused');
  await log_in(host, base, 'tynset-vert', 'tynset-passord');
  check(host.url().endsWith('/inbox'), `the host lands in the inbox (${host.url()})`);
  const row = host.locator('tr', { hasText: 'Ingrid Fjellheim' });
  check(await row.count() === 1, 'the synced lead is in the Tynset inbox');
  check(await row.locator('.badge').count() === 1, 'it is marked new');
  check((await row.textContent()).includes('Tynset, Røros'), 'municipalities by name');
  await shoot(host, 'inbox');

  await Promise.all([host.waitForNavigation(), row.locator('a').first().click()]);
  check((await host.getAttribute('a[href^="tel:"]', 'href')) === 'tel:+4704123456', 'the phone is a tel: link');
  check((await host.getAttribute('a[href^="mailto:"]', 'href')) === 'mailto:kari@example.no', 'the e-mail is a mailto: link');
  await host.selectOption('select[name=state]', 'contacted');
  await host.fill('textarea[name=note]', 'Ringte. De kommer på visning i mars.');
  await Promise.all([host.waitForNavigation(), host.click('form[action$="/follow-up"] button[type=submit]')]);
  check((await host.textContent('.places')).includes('Kontaktet'), 'the state is now contacted');
  await host.selectOption('select[name=state]', 'moved');
  await host.fill('input[name=moved_on]', '2027-03-01');
  await Promise.all([host.waitForNavigation(), host.click('form[action$="/follow-up"] button[type=submit]')]);
  check((await host.textContent('.places')).includes('Flyttet'), 'the state is now moved');
  const log = await host.textContent('ol.log');
  check(log.includes('01.03.2027') && log.includes('Ringte. De kommer på visning i mars.'), 'the activity log has both entries');
  await shoot(host, 'lead');

  await coordinator.goto(`${base}/results`);
  const after = (await coordinator.textContent('p.summary')).replace(/\s+/g, ' ');
  check(/1 interesserte, 1 har flyttet, 0 på vei/.test(after), `results after: "${after.trim()}"`);
  check(await coordinator.locator('.chart svg').count() === 3, 'three funnel charts drawn by the server');
  await shoot(coordinator, 'results');

  await host.goto(`${base}/inbox`);
  const [download] = await Promise.all([host.waitForEvent('download'), host.click('a[href^="/export.xlsx"]')]);
  const file = path.join(work, 'leads.xlsx');
  await download.saveAs(file);
  const strings = spawnSync('unzip', ['-p', file, 'xl/sharedStrings.xml'], { encoding: 'utf8' }).stdout || '';
  check(strings.includes('Ingrid Fjellheim'), 'the XLSX has the name');
  check(strings.includes('041 23 456'), 'the XLSX phone keeps its leading zero, as text, no apostrophe');
  check(!strings.includes("'041"), 'no formula apostrophe');
  check(strings.includes('Tynset, Røros') && strings.includes('Tynset: Flyttet'), 'names and the follow-up state');
  const sheet = spawnSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' }).stdout || '';
  check(/<c r="H2" s="\d+"><v>\d+\.\d+<\/v><\/c>/.test(sheet), 'the sign-up time is a real date cell');
} catch (error) {
  console.error(`browser_test: ${error.stack || error}`);
  failures += 1;
} finally {
  if (browser) await browser.close();
  if (server) server.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(failures === 0 ? 'browser_test: all checks held' : `browser_test: ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
