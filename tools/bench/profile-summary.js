#!/usr/bin/env node
'use strict';
/**
 * Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof=<dir>`): self time by package or
 * source area, the hottest functions, and the inclusive time (self + callees) of the frames matching
 * each given pattern (counted once where matching frames nest).
 * Usage: node tools/bench/profile-summary.js <file> [top=25] [pattern,pattern,...]
 *   e.g. ... 1.cpuprofile 25 'helmet,jwtVerify,SelectQueryBuilder,pino'
 */
const { readFileSync } = require('node:fs');

function area(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1];
  const app = /\/(apps|libs)\/([^/]+)\/(?:dist|src)\/(?:app\/)?([^/]+)/.exec(url);
  if (app) return `${app[1]}/${app[2]}: ${app[3].replace(/\.js$/, '')}`;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return url;
}

/** Inclusive time of the frames whose "functionName url" contains `pattern` (outermost matches only). */
function inclusive(profile, self, pattern) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const matches = (id) => {
    const { functionName, url } = byId.get(id).callFrame;
    return `${functionName} ${url}`.includes(pattern);
  };
  let total = 0;
  for (const [id, micros] of self) {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      if (matches(at)) {
        total += micros;
        break;
      }
    }
  }
  return total;
}

function summarise(profile, top = 25, patterns = []) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const areas = new Map();
  const functions = new Map();
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    const where = area(callFrame.url, callFrame.functionName);
    areas.set(where, (areas.get(where) ?? 0) + micros);
    const name = `${callFrame.functionName || '(anonymous)'} ${callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(apps|libs)\//, '$1/')}:${callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const busy = total - (areas.get('(idle)') ?? 0);
  const pct = (micros, of) => `${((100 * micros) / of).toFixed(1)}%`.padStart(6);
  const lines = [
    `total ${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(1)} s (${pct(busy, total).trim()}); shares below are of busy time`,
    '',
    'self time by area:',
  ];
  for (const [where, micros] of [...areas]
    .filter(([where]) => where !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    lines.push(`  ${pct(micros, busy)}  ${where}`);
  lines.push('', 'hottest functions (self):');
  for (const [name, micros] of [...functions]
    .filter(([name]) => !name.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    lines.push(`  ${pct(micros, busy)}  ${name}`);
  if (patterns.length) {
    lines.push('', 'inclusive time of matching frames:');
    for (const pattern of patterns) lines.push(`  ${pct(inclusive(profile, self, pattern), busy)}  ${pattern}`);
  }
  return lines.join('\n');
}

module.exports = { summarise };

if (require.main === module) {
  const [file, top, patterns] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node tools/bench/profile-summary.js <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(
    summarise(JSON.parse(readFileSync(file, 'utf8')), Number(top ?? 25), patterns ? patterns.split(',') : []),
  );
}
