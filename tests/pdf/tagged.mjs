// Reads a whitepaper PDF's structure as a screen reader in Firefox does:
// through pdf.js (pdfjs-dist, the engine of Firefox's PDF viewer), its
// page.getStructTree() and marked content, and checks it against
// poppler's reading (pdfinfo -struct-text) and the document model.
//   node tests/pdf/tagged.mjs PDFJS-DIR WHITEPAPER.pdf DOCUMENT.xml
// Prints one line per failed check and a summary; exits 1 on a failure.
//
// What it checks:
//  - every text item of every page is in a structure element's marked
//    content or in an artifact; the artifacts are only leaders, the
//    running head and page number (the same on every page but for the
//    number) and repeated table header rows;
//  - the page text without artifacts, in content order, is the text of
//    poppler's structure tree, read in order (white space aside);
//  - pdf.js finds the model's headings (the same texts, in order, as
//    poppler), list items, table cells and figures, each figure with
//    alternative text (the same as the PDF's /Alt, which qpdf reads);
//  - English phrases are spans in English (/Lang en);
//  - the document says its language (ja) and claims PDF/UA-1 in XMP.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [pdfjsDir, pdfPath, modelPath] = process.argv.slice(2);
const pdfjs = await import(`${pdfjsDir}/legacy/build/pdf.mjs`);
const failures = [];
let passed = 0;
const check = (ok, what) => { if (ok) passed++; else failures.push(what); };
const flat = (s) => s.replace(/[\s\u3000]/g, '');

const doc = await pdfjs.getDocument({
  data: new Uint8Array(readFileSync(pdfPath)), verbosity: 0,
}).promise;

// ---- the pages: marked content, artifacts, struct trees -------------------
const texts = new Map();		// content id -> its text
let pageText = '';			// without artifacts, in content order
const artifacts = [];			// [page, text]
let untagged = '';
const trees = [];
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const tc = await page.getTextContent({ includeMarkedContent: true });
  const stack = [];
  let art = null;
  for (const it of tc.items) {
    if (it.type === 'beginMarkedContent' ||
        it.type === 'beginMarkedContentProps') {
      stack.push(it);
      if (it.tag === 'Artifact' && art === null) art = '';
      continue;
    }
    if (it.type === 'endMarkedContent') {
      const b = stack.pop();
      if (b && b.tag === 'Artifact' && !stack.some((s) => s.tag === 'Artifact')) {
        if (flat(art) !== '') artifacts.push([p, flat(art)]);
        art = null;
      }
      continue;
    }
    const inArt = stack.some((s) => s.tag === 'Artifact');
    const mc = [...stack].reverse().find((s) => s.id);
    if (inArt) art += it.str;
    else if (mc) {
      texts.set(mc.id, (texts.get(mc.id) || '') + it.str);
      pageText += it.str;
    } else untagged += it.str;
  }
  trees.push(await page.getStructTree());
}
check(flat(untagged) === '',
  `text neither tagged nor an artifact: "${untagged.slice(0, 60)}"`);

// the running text: the same on every page once its number is taken out
const running = new Set();
let strays = [];
for (const [p, a] of artifacts) {
  if (/^…+$/.test(a)) continue;
  if (a.includes(String(p))) running.add(a.replace(String(p), '#'));
  else strays.push(a);
}

// ---- the structure as pdf.js gives it --------------------------------------
const found = {
  H: [], LI: 0, cells: 0, figures: [], headerRows: new Set(), spans: [],
};
const textOf = (n) => (n.type === 'content' ? texts.get(n.id) || '' :
  (n.children || []).map(textOf).join(''));
function walk(n) {
  if (n.role && /^H[1-6]$/.test(n.role)) found.H.push(`${n.role} ${flat(textOf(n))}`);
  // an item split over two pages is in both pages' trees: counted where
  // its label is
  if (n.role === 'LI' && (n.children || []).some((c) => c.role === 'Lbl' &&
      (c.children || []).some((k) => k.type === 'content'))) found.LI++;
  if (n.role === 'TH' || n.role === 'TD') found.cells++;
  if (n.role === 'TR' && n.children.every((c) => c.role === 'TH'))
    found.headerRows.add(flat(textOf(n)));
  if (n.role === 'Figure') found.figures.push(n.alt || '');
  if (n.role === 'Span') found.spans.push([n.lang, textOf(n)]);
  (n.children || []).forEach(walk);
}
trees.forEach((t) => t && walk(t));
strays = strays.filter((a) => !found.headerRows.has(a));
check(running.size === 1 && strays.length === 0,
  `artifacts other than leaders, one running text and header rows: ` +
  `${[...running, ...strays].slice(0, 4).join(' | ')}`);

// ---- poppler's reading, qpdf's, the model's --------------------------------
const popplerTree = execFileSync('pdfinfo', ['-struct-text', pdfPath],
  { encoding: 'utf8', maxBuffer: 64 << 20 });
const popplerText = [...popplerTree.matchAll(/^\s*"(.*)"$/gm)]
  .map((m) => m[1]).join('');
const a = flat(pageText), b = flat(popplerText);
let at = 0;
while (at < a.length && a[at] === b[at]) at++;
check(a === b, `page text without artifacts and poppler's tree text part ` +
  `at ${at}: "${a.slice(at, at + 30)}" / "${b.slice(at, at + 30)}"`);

const popplerH = [];
const lines = popplerTree.split('\n');
lines.forEach((l, i) => {
  const m = /^(\s*)(H[1-6]) /.exec(l);
  if (!m) return;
  let t = '';
  for (let k = i + 1; k < lines.length && lines[k].match(/^\s*/)[0].length >
      m[1].length; k++) {
    const q = /^\s*"(.*)"$/.exec(lines[k]);
    if (q) t += q[1];
  }
  popplerH.push(`${m[2]} ${flat(t)}`);
});
check(JSON.stringify(found.H) === JSON.stringify(popplerH),
  `headings: pdf.js ${found.H.length}, poppler ${popplerH.length}, first ` +
  `apart: ${found.H.find((h, i) => h !== popplerH[i])}`);

const model = readFileSync(modelPath, 'utf8');
const count = (re) => (model.match(re) || []).length;
const headings = count(/<(section|history|toc|controls|chapter|clause)[ >]/g);
const items = count(/<li[ >]/g);
const cells = count(/<t[hd][ >/]/g) +
  4 * (count(/<revision[ >]/g) + (count(/<history[ >]/g) ? 1 : 0));
const figures = count(/<figure[ >]/g);
check(found.H.length === headings, `${found.H.length} headings, the model has ${headings}`);
check(found.LI === items, `${found.LI} list items, the model has ${items}`);
check(found.cells === cells, `${found.cells} table cells, the model has ${cells}`);
check(found.figures.length === figures,
  `${found.figures.length} figures, the model has ${figures}`);
check(found.figures.every((t) => t.length >= 10), 'a figure without alternative text');

const qpdf = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf',
  pdfPath], { encoding: 'utf8', maxBuffer: 256 << 20 })).qpdf[1];
const alts = Object.values(qpdf).map((o) => o.value)
  .filter((v) => v && v['/S'] === '/Figure')
  .map((v) => (v['/Alt'] || '').replace(/^u:/, ''));
check(JSON.stringify(alts.sort()) === JSON.stringify([...found.figures].sort()),
  'pdf.js and qpdf read different /Alt');

// English in Japanese text: a span in English, of words with spaces
check(found.spans.every(([lang, t]) => lang === 'en' &&
    /[A-Za-z]{2,} [A-Za-z]/.test(t)),
  `a span not in English, or not words: ${JSON.stringify(found.spans[0])}`);
const english = model.match(/[A-Za-z]+ [a-z]+ [A-Za-z]+/g) || [];
check(english.length === 0 || found.spans.length > 0,
  `the model has English ("${english[0]}"), the PDF no span in English`);

const md = await doc.getMetadata();
check(md.info.Language === 'ja', `document language ${md.info.Language}`);
check(md.metadata && md.metadata.get('pdfuaid:part') === '1',
  'no pdfuaid:part 1 in the XMP metadata');
check(md.metadata && md.metadata.get('dc:title') === md.info.Title,
  'XMP dc:title is not the title');

for (const f of failures) console.log(`  ${pdfPath}: ${f}`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
