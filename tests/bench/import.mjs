// Import at LinkedIn's cap, in headless Chromium on the built app: a 30,000-row Connections.csv
// into an empty network, then a newer export of the same people (some moved jobs, some new)
// against the 30,000 now stored. Prints each step next to papaparse's parse of the same text in
// the same page, and the longest task that blocked the page. Run with `make bench`; asserts nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, newContext, open, serve } from '../e2e/harness.mjs';

const N = Number(process.env.ROWS || 30000);
const FIRST = ['Ana', 'Bram', 'Chloé', 'Daan', 'Emma', 'Farah', 'Gustavo', 'Hana', 'Ivan', 'Júlia', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Olu', 'Priya', 'Quinn', 'Rafael', 'Sofia', 'Tomás', 'Uma', 'Viktor', 'Wen', 'Yara', 'Zoë'];
const LAST = ['de Vries', 'Jansen', 'Ólafsson', 'García', 'Nguyen', 'Okafor', 'Kowalski', 'Müller', 'Rossi', 'Silva', 'Haddad', 'Chen', 'Kumar', "O'Brien", 'Andersen', 'Yılmaz', 'Tanaka', 'Visser', 'Smith', 'Dubois'];
const COMPANIES = ['Maersk', 'Litware', 'Contoso, Ltd.', 'Fabrikam', 'Northwind Traders', 'Tailspin Toys', 'Adyen', 'Booking.com', 'Philips', 'ASML', 'Wide World Importers', 'Woodgrove Bank'];
const ROLES = ['Supply Chain Planner', 'Software Engineer', 'Product Manager', 'Data Analyst', 'Head of Operations', 'Recruiter', 'UX Designer', '"Director, EMEA"'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** LinkedIn's current shape: the Notes preamble, the URL column, no final newline. */
function connections(rows, version) {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    // In the newer export one in sixty has moved on.
    const moved = version > 1 && i % 60 === 0 ? 5 : 0;
    const company = COMPANIES[(i * 7 + moved) % COMPANIES.length];
    const quoted = company.includes(',') ? `"${company}"` : company;
    const email = i % 9 === 0 ? `${first.toLowerCase()}.${i}@example.org` : '';
    const date = `${String(1 + (i % 28)).padStart(2, '0')} ${MONTHS[i % 12]} ${2012 + (i % 14)}`;
    lines.push(`${first},${last},https://www.linkedin.com/in/person-${i}-${(i * 2654435761 % 9973).toString(16)},${email},${quoted},${ROLES[i % ROLES.length]},${date}`);
  }
  return lines.join('\n');
}

const files = [1, 2].map((version) => {
  const path = `/tmp/vouch-bench-Connections-${N}-v${version}.csv`;
  writeFileSync(path, connections(N, version));
  return path;
});

const server = await serve('/');
const browser = await launch();
// The CSP allows only the app's own scripts; the benchmark adds papaparse to the same page.
const { context } = await newContext(browser, { bypassCSP: true });
const page = await context.newPage();
await open(page, server.url);
const papaSource = readFileSync(createRequire(import.meta.url).resolve('papaparse/papaparse.min.js'), 'utf8');
await page.addScriptTag({ content: papaSource });
await page.evaluate(() => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: false });
});

const between = (name) => page.evaluate((n) => {
  const s = performance.getEntriesByName(`vouch:${n}:start`).at(-1);
  const e = performance.getEntriesByName(`vouch:${n}:end`).at(-1);
  return s && e ? e.startTime - s.startTime : NaN;
}, name);
const longest = () => page.evaluate(() => { const l = window.__longest; window.__longest = 0; return l; });

async function papaparse(path) {
  const text = readFileSync(path, 'utf8');
  return page.evaluate((t) => {
    const body = t.slice(t.indexOf('First Name'));
    const times = [];
    let rows = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      rows = Papa.parse(body, { header: true, skipEmptyLines: true }).data.length;
      times.push(performance.now() - start);
    }
    const first = times[0];
    times.sort((a, b) => a - b);
    return { first, median: times[2], rows };
  }, text);
}

async function round(label, path, stored) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Network' }).click();
  await page.getByRole('link', { name: 'Import contacts' }).first().click();
  await longest();
  const t0 = Date.now();
  await page.getByLabel('Files to import').setInputFiles(path);
  await page.locator('#import-headline').waitFor({ timeout: 120_000 });
  const preview = Date.now() - t0;
  const headline = await page.locator('#import-headline').innerText();
  const previewLongest = await longest();
  const [parse, match] = [await between('parse'), await between('match')];
  const t1 = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { name: /^Imported / }).waitFor({ timeout: 120_000 });
  const store = Date.now() - t1;
  const saveLongest = await longest();
  const [save, batch, write] = [await between('save'), await between('batch'), await between('write')];
  const papa = await papaparse(path);
  console.log(`${label} (${N} rows, ${stored} stored): "${headline}"`);
  console.log(`  parse and map ${parse.toFixed(0)} ms (papaparse's parse alone of the same text in the same page: first run ${papa.first.toFixed(0)} ms, median of 5 ${papa.median.toFixed(0)} ms; ratio to the median ${(parse / papa.median).toFixed(2)}); match ${match.toFixed(0)} ms`);
  console.log(`  file chosen → preview on screen ${preview} ms (longest task ${previewLongest.toFixed(0)} ms)`);
  console.log(`  confirm → stored ${save.toFixed(0)} ms (build the batch ${batch.toFixed(0)} ms, apply and write ${write.toFixed(0)} ms), until the done screen ${store} ms (longest task ${saveLongest.toFixed(0)} ms)`);
}

await round('first import', files[0], 0);
await round('newer export', files[1], N);

const used = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('vouch.')).reduce((s, k) => s + k.length + localStorage.getItem(k).length, 0));
console.log(`stored size after import: ${used} UTF-16 units (${(used / 25000).toFixed(1)}% of 2.5 million)`);
const t = Date.now();
await page.reload();
await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 120_000 });
console.log(`reload until the app is on screen: ${Date.now() - t} ms`);

await browser.close();
await server.close();
