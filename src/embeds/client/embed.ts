/**
 * The embed page's script. The page is complete without it (the graphic in
 * its default state, its sources, credit and data table). This reads the
 * render options from the address (embed-options.ts: never throws, echoes
 * nothing), applies them, and tells the host page the embed's height as it
 * changes, with @newswire/frames (the pym.js/AMP height messages). The
 * same script serves the French pages: it reads no words.
 */
import { initFrame, sendFrameHeight } from '@newswire/frames';
import { carriedEmbedQuery, parseEmbedOptions } from '../embed-options';
import { applyEmbedState } from './apply-embed-state';
import { setLabelScale } from '../../story/client/state-classes';
import type { GraphicState } from '../../story/graphic-state';
import type { ShareFields } from '../share-fields';
import { copyShareFields } from './share';

interface EmbedIsland {
  /** viewBox string per map view, computed at build time by the map renderer. */
  mapViewBoxes: Record<string, string>;
  /** Accepted `step` values (story step ids and state names) → state name. */
  steps: Record<string, string>;
  states: Record<string, GraphicState>;
  defaultState: string | null;
  share: Record<string, ShareFields>;
}

function readIsland(): EmbedIsland | undefined {
  const node = document.getElementById('embed-data');
  if (!node?.textContent) return undefined;
  try {
    return JSON.parse(node.textContent) as EmbedIsland;
  } catch {
    return undefined;
  }
}

/** Switches the graphic, its description, source line and share control to another of its states. */
function showState(island: EmbedIsland, stateName: string) {
  const state = island.states[stateName];
  const panel = document.querySelector<HTMLElement>('[data-embed-panel]');
  if (!state || !panel) return;
  applyEmbedState(panel, state, stateName, island.mapViewBoxes);
  panel.dataset.state = stateName;
  document.querySelectorAll<HTMLElement>('[data-for-state-text]').forEach((el) => {
    el.hidden = el.dataset.forStateText !== stateName;
  });
  const fields = island.share[stateName];
  const control = document.querySelector<HTMLElement>('[data-share-control]');
  if (fields && control) {
    // A detached copy of the control, filled from the island's build-time values.
    const from = control.cloneNode(true) as HTMLElement;
    for (const [name, value] of Object.entries(fields)) {
      const el = from.querySelector(`[data-share-field="${name}"]`);
      if (el instanceof HTMLTextAreaElement) el.value = value ?? '';
      else if (el instanceof HTMLAnchorElement && value) {
        el.setAttribute('href', value);
        if (name === 'link') el.textContent = value;
      }
    }
    if (fields.step) from.dataset.shareStep = fields.step;
    copyShareFields(from, control);
  }
  document.querySelectorAll<HTMLAnchorElement>('[data-story-link]').forEach((a) => {
    if (fields?.link) a.href = fields.link;
  });
}

function init() {
  const root = document.documentElement;
  const island = readIsland();
  const options = parseEmbedOptions(location.search, island ? Object.keys(island.steps) : []);
  if (options.theme !== 'auto') root.dataset.theme = options.theme;
  root.classList.toggle('embed-plain', options.plain);
  root.classList.toggle('embed-static', options.static);

  if (island && options.step) {
    const stateName = island.steps[options.step];
    if (stateName && stateName !== island.defaultState) showState(island, stateName);
  }

  // Map text keeps a readable size on screen whatever the frame's width, as in the story's panel
  // (setLabelScale in src/story/client/state-classes.ts and .graphic-map.is-scaled in graphics.css).
  const map = document.querySelector<SVGSVGElement>('[data-embed-panel] svg.graphic-map');
  if (map) new ResizeObserver(([entry]) => setLabelScale(map, entry?.contentRect.width ?? 0, entry?.contentRect.height ?? 0)).observe(map);

  // Height for the host page: now, on load, on every resize of the frame, when the host starts
  // listening, and whenever the content changes height (a disclosure opened, a font loaded).
  initFrame();
  let last = -1;
  new ResizeObserver(() => {
    const height = root.offsetHeight;
    if (height !== last) {
      last = height;
      sendFrameHeight(height);
    }
  }).observe(document.body);
  // The footer's language link leads to the same graphic in the other language, with the same options,
  // rebuilt from the parsed options (never the raw address, which may carry anything). Base.astro's switch
  // script is left out of plain pages, and an embed's address only changes by navigation.
  const query = carriedEmbedQuery(location.search, island ? Object.keys(island.steps) : []);
  document.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch]').forEach((link) => {
    const target = new URL(link.href);
    target.search = query;
    link.href = target.href;
  });
  root.classList.add('embed-ready');
}

init();
