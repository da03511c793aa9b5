/**
 * The class view script's words in one language (src/classroom/client/class-view.ts), taken from the
 * string table when the page is built and handed to the script in the page's JSON island, so the script
 * carries no table of its own. Templates keep their {placeholders}; the script fills them with fill().
 */
import type { Locale } from '../i18n/locale';
import { sayer } from '../i18n/pages-say';
import { MAX_LINES, type IgnoredReason } from './class-links';

export interface ClassViewWords {
  /** The decimal separator of the page's language, for medians such as 12.5 / 12,5. */
  decimal: string;
  chartTitleOne: string;
  chartTitleMany: string;
  chartRow: string;
  axisTitle: string;
  medianLabel: string;
  readOne: string;
  readMany: string;
  ignoredOne: string;
  ignoredMany: string;
  ignoredNone: string;
  ignoredLine: string;
  ignoredMore: string;
  cleared: string;
  reasons: Record<IgnoredReason, string>;
}

export function classViewWords(locale: Locale): ClassViewWords {
  const say = sayer(locale);
  // Placeholders pass through untouched: each is given back as itself and filled in the browser.
  const keep = (name: string) => `{${name}}`;
  return {
    decimal: locale === 'fr' ? ',' : '.',
    chartTitleOne: say('pages.classView.chartTitleOne', { n: keep('n') }),
    chartTitleMany: say('pages.classView.chartTitleMany', { n: keep('n') }),
    chartRow: say('pages.classView.chartRow', { scenario: keep('scenario'), min: keep('min'), max: keep('max'), median: keep('median') }),
    axisTitle: say('pages.classView.axisTitle'),
    medianLabel: say('pages.classView.medianLabel', { median: keep('median') }),
    readOne: say('pages.classView.readOne', { n: keep('n') }),
    readMany: say('pages.classView.readMany', { n: keep('n') }),
    ignoredOne: say('pages.classView.ignoredOne', { n: keep('n') }),
    ignoredMany: say('pages.classView.ignoredMany', { n: keep('n') }),
    ignoredNone: say('pages.classView.ignoredNone'),
    ignoredLine: say('pages.classView.ignoredLine', { line: keep('line'), reason: keep('reason') }),
    ignoredMore: say('pages.classView.ignoredMore', { n: keep('n') }),
    cleared: say('pages.classView.cleared'),
    reasons: {
      'not-a-link': say('pages.classView.reason.notALink'),
      'not-the-explorer': say('pages.classView.reason.notTheExplorer'),
      'no-estimate': say('pages.classView.reason.noEstimate'),
      'too-long': say('pages.classView.reason.tooLong'),
      'too-many': say('pages.classView.reason.tooMany', { max: MAX_LINES }),
    },
  };
}
