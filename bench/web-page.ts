// The in-page half of `npm run bench:web`: a probe installed before any of the app's scripts
// (PerformanceObservers for paint, largest contentful paint and long tasks; a MutationObserver
// that marks the moment the dashboard's data is in the DOM), and what is read back from the page
// once the main thread has been free for 200 ms after that mark.
import type { BrowserContext, Page } from 'playwright-core';

/** Time with no long task (≥ 50 ms) after the data is shown for the page to count as interactive. */
export const QUIET_WINDOW_MS = 200;
/** Long-task entries are delivered a little after the task ends: wait this much more before deciding. */
const DELIVERY_SLACK_MS = 100;

export const ROW_SELECTOR = '.tickets-table tbody tr:not(.placeholder-row)';
export const TILE_SELECTOR = '[data-status="total"] .tile-count';

interface Probe {
  paints: Record<string, number>;
  lcp: number;
  lcpElement: string;
  longTasks: { start: number; duration: number }[];
  dataShown: number;
  dataPainted: number;
  tileText: string;
  rows: number;
}

export interface ResourceRow {
  path: string;
  initiatorType: string;
  startTime: number;
  responseStart: number;
  responseEnd: number;
  transferSize: number;
  encodedBodySize: number;
  decodedBodySize: number;
}

/** One navigation, all times in ms from navigation start (the document's time origin). */
export interface PageRun {
  domContentLoaded: number;
  load: number;
  htmlResponseEnd: number;
  fcp: number;
  lcp: number;
  lcpElement: string;
  dataShown: number;
  dataPainted: number;
  interactive: number;
  /** Long tasks that end after the data is shown (the ones "interactive" waits out). */
  longTasksAfterData: { start: number; duration: number }[];
  /** All long tasks from navigation start to the end of the measurement, in ms. */
  longTaskTotal: number;
  tileText: string;
  rows: number;
  resources: ResourceRow[];
}

/** Runs in the page before its own scripts (context.addInitScript): self-contained. */
function installProbe(args: { rowSelector: string; tileSelector: string }): void {
  const probe: Probe = { paints: {}, lcp: -1, lcpElement: '', longTasks: [], dataShown: -1, dataPainted: -1, tileText: '', rows: 0 };
  (window as unknown as { __cdProbe: Probe }).__cdProbe = probe;
  const describe = (el: Element | null): string => {
    if (!el) return '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const parent = el.parentElement;
    const pcls = parent && typeof parent.className === 'string' && parent.className ? `.${parent.className.trim().split(/\s+/)[0]}` : '';
    return `${parent ? `${parent.tagName.toLowerCase()}${pcls} > ` : ''}${el.tagName.toLowerCase()}${cls}`;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.paints[e.name] = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as LargestContentfulPaint[]) {
      probe.lcp = e.startTime;
      probe.lcpElement = describe(e.element);
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = (): void => {
    if (probe.dataShown >= 0) return;
    const row = document.querySelector(args.rowSelector);
    const text = document.querySelector(args.tileSelector)?.textContent?.trim() ?? '';
    // The tile shows "–" until the counts arrive.
    if (!row || !text || text === '–') return;
    probe.dataShown = performance.now();
    probe.tileText = text;
    probe.rows = document.querySelectorAll(args.rowSelector).length;
    observer.disconnect();
    // The frame that paints it: after the next animation frame's rendering, a fresh task.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        probe.dataPainted = performance.now();
      };
      channel.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export async function addProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(installProbe, { rowSelector: ROW_SELECTOR, tileSelector: TILE_SELECTOR });
}

/** The end of the first window of QUIET_WINDOW_MS after `from` in which no long task runs. */
export function quietFrom(from: number, tasks: { start: number; duration: number }[]): number {
  let at = from;
  for (let moved = true; moved; ) {
    moved = false;
    for (const t of tasks) {
      const end = t.start + t.duration;
      if (end > at && t.start < at + QUIET_WINDOW_MS) {
        at = end;
        moved = true;
      }
    }
  }
  return at;
}

const readProbe = (page: Page) => page.evaluate(() => ({ now: performance.now(), probe: (window as unknown as { __cdProbe: Probe }).__cdProbe }));

/** Navigates `page` to `url` and measures it; the page must carry the probe (addProbe on its context). */
export async function measureNavigation(page: Page, url: string, timeoutMs = 30_000): Promise<PageRun> {
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  await page.waitForFunction(() => ((window as unknown as { __cdProbe?: Probe }).__cdProbe?.dataShown ?? -1) >= 0, undefined, { polling: 50, timeout: timeoutMs });
  const deadline = performance.now() + 15_000;
  let state = await readProbe(page);
  for (;;) {
    const interactive = quietFrom(state.probe.dataShown, state.probe.longTasks);
    const settled = state.now >= interactive + QUIET_WINDOW_MS + DELIVERY_SLACK_MS && state.probe.dataPainted >= 0;
    if (settled || performance.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, Math.max(20, interactive + QUIET_WINDOW_MS + DELIVERY_SLACK_MS - state.now)));
    state = await readProbe(page);
  }
  const { probe } = state;
  const page_ = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => {
      const u = new URL(r.name);
      return {
        path: u.pathname + u.search,
        initiatorType: r.initiatorType,
        startTime: r.startTime,
        responseStart: r.responseStart,
        responseEnd: r.responseEnd,
        transferSize: r.transferSize,
        encodedBodySize: r.encodedBodySize,
        decodedBodySize: r.decodedBodySize,
      };
    });
    const u = new URL(nav.name);
    resources.unshift({
      path: u.pathname + u.search,
      initiatorType: 'navigation',
      startTime: 0,
      responseStart: nav.responseStart,
      responseEnd: nav.responseEnd,
      transferSize: nav.transferSize,
      encodedBodySize: nav.encodedBodySize,
      decodedBodySize: nav.decodedBodySize,
    });
    return { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, htmlEnd: nav.responseEnd, resources };
  });
  const interactive = quietFrom(probe.dataShown, probe.longTasks);
  return {
    domContentLoaded: page_.dcl,
    load: page_.load,
    htmlResponseEnd: page_.htmlEnd,
    fcp: probe.paints['first-contentful-paint'] ?? NaN,
    lcp: probe.lcp >= 0 ? probe.lcp : NaN,
    lcpElement: probe.lcpElement,
    dataShown: probe.dataShown,
    dataPainted: probe.dataPainted >= 0 ? probe.dataPainted : NaN,
    interactive,
    longTasksAfterData: probe.longTasks.filter((t) => t.start + t.duration > probe.dataShown),
    longTaskTotal: probe.longTasks.reduce((s, t) => s + t.duration, 0),
    tileText: probe.tileText,
    rows: probe.rows,
    resources: page_.resources,
  };
}
