import { loadGraph } from '/work/main/src/ir/load/load-graph.ts';
import { formatPrecision } from '/work/main/src/fixed/precision.ts';
for (const f of process.argv.slice(2)) {
  const t = performance.now();
  const g = await loadGraph(f);
  console.log('==', f, (performance.now()-t).toFixed(1), 'ms', g.warnings);
  for (const l of g.layers) console.log(l.name, l.kind, JSON.stringify(l.outputShape), l.facts.params, l.facts.macs, Object.entries(l.precisions).map(([k,v])=>k+'='+formatPrecision(v.precision)+'('+v.source+')').join(' '), l.config.strategy, l.config.reuseFactor);
}
