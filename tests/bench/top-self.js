// The functions with the most self time in a .cpuprofile (node --cpu-prof), and the
// same summed by package or file: `node tests/bench/top-self.js <file> [rows]`.
import { readFileSync } from 'node:fs';

const [file, rows = 40] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const node = byId.get(profile.samples[i]);
  self.set(node, (self.get(node) ?? 0) + (dt[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const where = (cf) => {
  const url = cf.url.replace(/^file:\/\//, '');
  const m = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  return m ? m[1] : url.replace(/.*\/(apps|libs)\//, '$1/') || '(native)';
};
const sum = (key) => {
  const out = new Map();
  for (const [n, t] of self) out.set(key(n.callFrame), (out.get(key(n.callFrame)) ?? 0) + t);
  return [...out].sort((a, b) => b[1] - a[1]).slice(0, Number(rows));
};
const pct = (t) => ((100 * t) / total).toFixed(1).padStart(5) + '%';
console.log(`total ${(total / 1000).toFixed(0)} ms`);
console.log('\nby function');
for (const [k, t] of sum((cf) => `${cf.functionName || '(anon)'} ${where(cf)}:${cf.lineNumber + 1}`)) console.log(pct(t), k);
console.log('\nby package or file');
for (const [k, t] of sum((cf) => where(cf))) console.log(pct(t), k);

// Inclusive time: a function counts every sample where it is on the stack (once).
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
const inclusive = new Map();
for (const [node, t] of self) {
  const seen = new Set();
  for (let n = node; n; n = parent.get(n.id)) {
    const k = `${n.callFrame.functionName || '(anon)'} ${where(n.callFrame)}:${n.callFrame.lineNumber + 1}`;
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + t);
  }
}
console.log('\ninclusive');
for (const [k, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(rows) * 2)) console.log(pct(t), k);
