// Why a run's FCP and LCP are what they are: the requests and main-thread tasks Lighthouse's
// simulation (Lantern) counted, with their simulated start and end (ms). From a run kept
// with Lighthouse's --save-assets:
//   node bench/lighthouse/explain.mjs REPORT.json REPORT-0.trace.json REPORT-0.devtoolslog.json
import fs from 'fs';
import {LanternFirstContentfulPaint} from 'lighthouse/core/computed/metrics/lantern-first-contentful-paint.js';
import {LanternLargestContentfulPaint} from 'lighthouse/core/computed/metrics/lantern-largest-contentful-paint.js';

const [reportPath, tracePath, logPath] = process.argv.slice(2);
const report = JSON.parse(fs.readFileSync(reportPath));
const data = {
  trace: JSON.parse(fs.readFileSync(tracePath)),
  devtoolsLog: JSON.parse(fs.readFileSync(logPath)),
  gatherContext: {gatherMode: 'navigation'},
  settings: report.configSettings,
  simulator: null,
  URL: {requestedUrl: report.requestedUrl, mainDocumentUrl: report.mainDocumentUrl,
    finalDisplayedUrl: report.finalDisplayedUrl},
};
const context = {computedCache: new Map(), settings: report.configSettings};
for (const [name, metric] of [['FCP', LanternFirstContentfulPaint], ['LCP', LanternLargestContentfulPaint]]) {
  const result = await metric.request(data, context);
  console.log(`${name} ${Math.round(result.timing)} ms (optimistic ${Math.round(result.optimisticEstimate.timeInMs)}, pessimistic ${Math.round(result.pessimisticEstimate.timeInMs)})`);
  const rows = [...result.optimisticEstimate.nodeTimings.entries()].sort((a, b) => a[1].startTime - b[1].startTime);
  for (const [node, timing] of rows) {
    const what = node.type === 'network'
      ? `${node.request.priority} ${node.request.resourceType} ${node.request.url} ${node.request.transferSize} B`
      : `main thread ${Math.round(node.duration / 1000)} ms observed${node.didPerformLayout() ? ', layout' : ''}`;
    console.log(`  ${Math.round(timing.startTime)}-${Math.round(timing.endTime)} ${what}`);
  }
}
