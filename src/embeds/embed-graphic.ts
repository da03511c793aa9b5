/**
 * The graphic of an embed page: rendered once, in "interactive" mode, in its
 * default state, with every element its other states could show already in
 * place (hidden). A `step=` option then switches state in the browser by
 * toggling classes only (./client/apply-embed-state.ts, the same rules as the
 * story's applier). Charts come in a wide and a narrow
 * layout, as in the story; the narrow timeline is drawn once per state.
 */
import type { SiteData } from '../data/schema';
import { renderChart } from '../charts';
import { mapDataFor } from '../map/map-data';
import { MAP_VIEWS, type MapState, type MapView } from '../map/map-state';
import { renderMap, viewBoxFor, viewBoxString } from '../map/render-map';
import { getGraphicState } from '../story/graphic-states';
import { layoutsFor, narrowLayoutPerState, sizeFor, type GraphicState, type Layout } from '../story/graphic-state';
import { graphicTitle } from '../story/graphic-titles';
import type { GraphicEmbed } from './embeds';
import type { Locale } from '../i18n/locale';

export interface GraphicVariant {
  layout: Layout;
  /** Set when this render belongs to one state only (the narrow timeline). */
  forState: string | undefined;
  /** Hidden until its state is shown. */
  otherState: boolean;
  svg: string;
}

export interface EmbedGraphic {
  variants: GraphicVariant[];
  /** Only one layout (the map): no wide/narrow switch. */
  single: boolean;
  states: Record<string, GraphicState>;
  mapViewBoxes: Record<string, string>;
}

/** Adds an accessible description to a rendered graphic's root element. */
export function describedBy(svg: string, id: string): string {
  return svg.replace(/^(\s*<svg\b)/, `$1 aria-describedby="${id}"`);
}

export function embedGraphic(data: SiteData, embed: GraphicEmbed, descriptionId: string, locale: Locale = 'en'): EmbedGraphic {
  const states = Object.fromEntries(embed.states.map((name) => [name, getGraphicState(name)])) as Record<string, GraphicState>;
  const start = states[embed.states[0]!]!;
  // Each of this graphic's own states gets its placed labels; no other state's: the map stays as light as it can.
  const mapStates = Object.fromEntries(Object.entries(states).filter((entry): entry is [string, MapState] => entry[1].kind === 'map'));
  const title = graphicTitle(embed.kind, locale);
  const render = (layout: Layout, state: GraphicState, idSuffix: string) => {
    const options = { mode: 'interactive' as const, title, idPrefix: `embed-${embed.id}-${layout}${idSuffix}`, locale };
    const svg =
      state.kind === 'map'
        ? renderMap(mapDataFor(data), state, sizeFor(state.kind, layout), { ...options, labelStates: mapStates, stateName: embed.states[0]! })
        : renderChart(data, state, sizeFor(state.kind, layout), options);
    return describedBy(svg, descriptionId);
  };
  const variants = layoutsFor(embed.kind).flatMap((layout): GraphicVariant[] =>
    layout === 'narrow' && narrowLayoutPerState(embed.kind)
      ? embed.states.map((name, i) => ({ layout, forState: name, otherState: i > 0, svg: render(layout, states[name]!, `-${name}`) }))
      : [{ layout, forState: undefined, otherState: false, svg: render(layout, start, '') }],
  );
  const mapViewBoxes = Object.fromEntries(
    (Object.keys(MAP_VIEWS) as MapView[]).map((view) => [view, viewBoxString(viewBoxFor(view, sizeFor('map')))]),
  );
  return { variants, single: layoutsFor(embed.kind).length === 1, states, mapViewBoxes };
}
