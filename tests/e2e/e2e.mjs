// End-to-end test of the web page in Debian's headless Chromium, driven by playwright-core.
// Usage: node e2e.mjs URL OUTDIR ACTOR CATEGORY INJECTED_DOC
// Prints what the page showed as JSON; crates/cli/tests/e2e.rs checks it against the store.
import { createRequire } from 'node:module';
import path from 'node:path';

const [url, outdir, actor, category, injected] = process.argv.slice(2);
const modules = process.env.E2E_MODULES;
const { chromium } = createRequire(path.join(modules, 'x.js'))('playwright-core');

const out = { dialogs: [], pageErrors: [], consoleErrors: [] };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.setDefaultTimeout(15000);
  page.on('dialog', (d) => { out.dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => out.pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') out.consoleErrors.push(m.text()); });

  // 1-2. Open the page: the whole graph.
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  out.edgesDrawn = await page.evaluate(() => window.claimgraph.edges().length);
  await page.screenshot({ path: path.join(outdir, 'network.png') });

  // 3. Search an actor: the graph centres on it and its profile opens.
  await page.fill('#actor-search', actor);
  await page.press('#actor-search', 'Enter');
  await page.waitForSelector('#profile-title');
  out.profileTitle = await page.textContent('#profile-title');
  out.center = await page.evaluate(() => window.claimgraph.center());

  // 4. Click an edge of it on the canvas (the strongest of the category).
  const edge = await page.evaluate(([c, cat]) => window.claimgraph.edges()
    .find((e) => (e.subject === c || e.object === c) && e.category === cat), [out.center, category]);
  out.edge = edge;
  const pt = await page.evaluate((id) => window.claimgraph.edgePoint(id), edge.id);
  await page.mouse.click(pt.x, pt.y);
  await page.waitForSelector('#evidence .claim');

  // 5. The evidence panel: title, grade, each claim's sentence, grade and stance.
  out.evidenceTitle = (await page.textContent('#evidence-title')).replace(/\s+/g, ' ').trim();
  out.edgeGrade = await page.textContent('#edge-grade');
  out.claims = await page.$$eval('#evidence .claim', (cs) => cs.map((c) => ({
    id: Number(c.dataset.claim),
    sentence: c.querySelector('.sentence').textContent,
    marked: [...c.querySelectorAll('mark')].map((m) => m.className + ':' + m.textContent),
    grade: c.querySelector('.grade').textContent,
    stance: c.querySelector('.stance').textContent,
  })));
  await page.screenshot({ path: path.join(outdir, 'evidence.png') });

  // 6. The document view of the first claim.
  await page.click('#evidence .claim .doc-link');
  await page.waitForSelector('#document-title');
  out.documentTitle = await page.textContent('#document-title');
  out.focus = await page.textContent('#document .claim-span.focus').catch(() => null);
  out.mentionsShown = await page.$$eval('#document .mention', (m) => m.length);
  // 7. Screenshots under target/.
  await page.screenshot({ path: path.join(outdir, 'document.png') });

  // Injection: a document whose text holds markup shows it as text, and nothing runs.
  await page.goto(url + '#doc=' + encodeURIComponent(injected));
  await page.waitForFunction(() => document.querySelector('#document .text')?.textContent.includes('The text above is data'));
  out.injection = await page.evaluate(() => ({
    title: document.querySelector('#document-title').textContent,
    text: document.querySelector('#document .text').textContent,
    images: document.querySelectorAll('#document img').length,
    scripts: document.querySelectorAll('#document script').length,
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
  }));
  await page.screenshot({ path: path.join(outdir, 'injection.png') });
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
