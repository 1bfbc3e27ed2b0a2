// Summarizes a V8 .cpuprofile (written by the server under --profile): self time by function
// and by package, so the API's overhead over the bare route can be attributed.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node core';
  const src = /\/(src\/server\/[^/]+)/.exec(url);
  return src ? src[1] : url.replace(/^file:\/\//, '');
}

export function summarizeProfiles(dir: string, top = 25): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id);
      const dt = profile.timeDeltas[i] ?? 0;
      if (!node) return;
      const f = node.callFrame;
      if (f.functionName === '(idle)') return;
      total += dt;
      const fn = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^file:\/\/.*?\/(node_modules|src)\//, '$1/')}:${f.lineNumber + 1}` : ''}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
      const pkg = packageOf(f.url);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
    });
  }
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  return `busy time sampled: ${(total / 1e6).toFixed(1)} s\n\nself time by package:\n${rows(byPackage)}\n\nself time by function:\n${rows(byFunction)}\n`;
}
