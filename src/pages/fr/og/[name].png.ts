/** The French link previews: the same images as src/pages/og/[name].png.ts, their words in French. */
export { GET, getStaticPaths } from '../../og/[name].png.ts';
