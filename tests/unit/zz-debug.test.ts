import { it } from 'vitest';
import { loadSiteData } from '../../src/data/load';
import { renderTimeline } from '../../src/charts/timeline';
it('dbg', () => {
  const data = loadSiteData();
  (globalThis as any).DBG = true;
  renderTimeline(data.timeline, { kind: 'timeline', groups: [], highlight: ['2025-blockade-announced'] }, { width: 360, height: 340 }, { mode: 'static', title: 'x', idPrefix: 'x' });
});
