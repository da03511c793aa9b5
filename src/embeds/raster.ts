/**
 * SVG cards to PNG at build time, with resvg (no browser, no JavaScript in
 * the reader's page). resvg finds no fonts by itself on a bare machine, so
 * the fonts are loaded from files: DejaVu (Debian's fonts-dejavu-core, which
 * .ci/run installs when it is missing) or, failing that, Liberation. A build
 * that finds neither stops and says what to install, rather than writing
 * images with no text.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const FONT_SETS = [
  {
    sans: 'DejaVu Sans',
    serif: 'DejaVu Serif',
    narrowNoBreakSpace: true,
    files: [
      '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
      '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
      '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
      '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf',
    ],
  },
  {
    sans: 'Liberation Sans',
    serif: 'Liberation Serif',
    // Liberation has no U+202F, which French text puts before : ; ! ? and inside « ».
    narrowNoBreakSpace: false,
    files: [
      '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
      '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
      '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
      '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf',
    ],
  },
];

let fonts: (typeof FONT_SETS)[number] | undefined;

function findFonts() {
  if (fonts) return fonts;
  for (const set of FONT_SETS) {
    const files = set.files.filter((f) => existsSync(f));
    // The regular sans face is the one the text cannot do without.
    if (files.includes(set.files[0]!)) {
      fonts = { ...set, files };
      return fonts;
    }
  }
  throw new Error(
    'No font found for the PNG images (looked for DejaVu Sans and Liberation Sans in /usr/share/fonts/truetype). ' +
      'Install one: `apt-get install fonts-dejavu-core` (.ci/run does this on a bare machine).',
  );
}

/** Renders an SVG to PNG, `scale` times its own size. */
export function svgToPng(svg: string, scale = 2): { png: Buffer; width: number; height: number } {
  const set = findFonts();
  // A font without the narrow no-break space would draw a gap-less box: the plain no-break space keeps the line together.
  const text = set.narrowNoBreakSpace ? svg : svg.replaceAll('\u202f', '\u00a0');
  const resvg = new Resvg(text, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: set.files,
      defaultFontFamily: set.sans,
      sansSerifFamily: set.sans,
      serifFamily: set.serif,
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
