// The first-load figure alone (`node bench/first_load.mjs`): the bytes a first visit of the home
// screen downloads until the app is interactive and the network is idle, as run.mjs measures them
// for BENCHMARKS.md, with the files listed. For trying a change without the whole bench.

import { Server, appReady, launchBrowser, newPage } from '../e2e/harness.mjs';
import { readFileSync } from 'node:fs';

const RUNS = Number(process.env.PALIER_FIRST_LOAD_RUNS ?? 3);
const server = await Server.start();
const browser = await launchBrowser();
try {
  const all = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(browser);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const urls = new Map();
    const files = [];
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => files.push([new URL(urls.get(e.requestId)).pathname, e.encodedDataLength]));
    await page.goto(process.env.PALIER_FIRST_LOAD_PATH ? server.url + process.env.PALIER_FIRST_LOAD_PATH : server.url);
    await appReady(page);
    await page.waitForLoadState('networkidle');
    await context.close();
    all.push(files);
  }
  const totals = all.map((files) => files.reduce((n, [, b]) => n + b, 0));
  for (const [path, bytes] of all[0].sort((a, b) => b[1] - a[1])) console.log(`${(bytes / 1000).toFixed(1).padStart(8)} KB ${path}`);
  console.log(`first load: ${totals.map((t) => (t / 1000).toFixed(1)).join(', ')} KB; load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
} finally {
  await browser.close();
  await server.dispose();
}
