/** How numbers from data/ are written in prose: one place, so the story never types a figure by hand. */
import type { Convoy, ElectricityObservation, ExchangeRate, FuelPrice, KeyFigure, TankerClaim } from './schema';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return number.format(value);
}

const QUALIFIERS: Record<KeyFigure['qualifier'], string> = {
  exact: '',
  about: 'about ',
  'more-than': 'more than ',
  'at-least': 'at least ',
  range: '',
};

function withUnit(value: string, unit: string): string {
  if (unit === '%') return `${value}%`;
  return `${value} ${unit}`;
}

export function formatKeyFigure(figure: KeyFigure): string {
  const value =
    figure.value_max !== undefined && figure.value_max !== figure.value
      ? `${formatNumber(figure.value)}–${formatNumber(figure.value_max)}`
      : formatNumber(figure.value);
  return `${QUALIFIERS[figure.qualifier]}${withUnit(value, figure.unit)}`;
}

export function formatPrice(price: FuelPrice): string {
  const value =
    price.price_cfa_max !== price.price_cfa_min
      ? `${formatNumber(price.price_cfa_min)}–${formatNumber(price.price_cfa_max)}`
      : formatNumber(price.price_cfa_min);
  return `${value} CFA francs a litre`;
}

const COUNT_QUALIFIERS: Record<TankerClaim['count_qualifier'], string> = {
  exact: '',
  'at-least': 'at least ',
  'more-than': 'more than ',
  about: 'about ',
};

/** "about 40", "more than 100", "17": a convoy's tankers as the source counts them, or '' when it gave no count. */
export function formatConvoyCount(convoy: Convoy): string {
  if (convoy.tankers_min === undefined) return '';
  const count =
    convoy.tankers_max !== undefined && convoy.tankers_max !== convoy.tankers_min
      ? `${formatNumber(convoy.tankers_min)}–${formatNumber(convoy.tankers_max)}`
      : formatNumber(convoy.tankers_min);
  return `${COUNT_QUALIFIERS[convoy.tankers_qualifier ?? 'exact']}${count}`;
}

/** "at least 40", "15–20": the count exactly as qualified by whoever made the claim. */
export function formatTankerCount(claim: TankerClaim): string {
  const count =
    claim.count_max !== undefined && claim.count_max !== claim.count_min
      ? `${formatNumber(claim.count_min)}–${formatNumber(claim.count_max)}`
      : formatNumber(claim.count_min);
  return `${COUNT_QUALIFIERS[claim.count_qualifier]}${count}`;
}

const MEASURE_WORDS: Record<ElectricityObservation['measure'], [string, string]> = {
  supply_hours_per_day: ['hour of power a day', 'hours of power a day'],
  outage_hours_per_day: ['hour a day without power', 'hours a day without power'],
  days_without_power: ['day without power', 'days without power'],
};

/**
 * The figure of an electricity row as its source qualifies it: "6", "2–5", "about 6",
 * "fewer than 6", "up to 20" (a lone maximum is said as one), "at least 3".
 * Shared by the story's prose and the chart's labels, so both say the same.
 */
export function electricityAmount(row: Pick<ElectricityObservation, 'value_min' | 'value_max' | 'qualifier'>): string | undefined {
  const { value_min: min, value_max: max, qualifier } = row;
  if (qualifier === 'fewer-than' && max !== undefined) return `fewer than ${formatNumber(max)}`;
  const plain =
    min !== undefined && max !== undefined
      ? max === min
        ? formatNumber(min)
        : `${formatNumber(min)}–${formatNumber(max)}`
      : max !== undefined
        ? `up to ${formatNumber(max)}`
        : min !== undefined
          ? `at least ${formatNumber(min)}`
          : undefined;
  return plain !== undefined && qualifier === 'about' ? `about ${plain}` : plain;
}

/** "6 hours of power a day", "about 6 hours…", "fewer than 6 hours…", "up to 20 hours a day without power". */
export function formatElectricity(row: ElectricityObservation): string {
  const value = electricityAmount(row) ?? formatNumber(0);
  const [one, many] = MEASURE_WORDS[row.measure];
  return `${value} ${value === '1' ? one : many}`;
}

const CURRENCY: Record<ExchangeRate['currency'], { symbol: string; name: string }> = {
  EUR: { symbol: '€', name: 'euro' },
  USD: { symbol: 'US$', name: 'US dollar' },
};

/** "€1.18" (or "€1.18–1.52") and "655.957 CFA francs to the euro": a price converted at a dated rate. */
export function convertPrice(price: FuelPrice, rate: ExchangeRate): { value: string; rateText: string } {
  const { symbol, name } = CURRENCY[rate.currency];
  const convert = (cfa: number) => (cfa / rate.cfa_per_unit).toFixed(2);
  const value =
    price.price_cfa_max !== price.price_cfa_min
      ? `${symbol}${convert(price.price_cfa_min)}–${convert(price.price_cfa_max)}`
      : `${symbol}${convert(price.price_cfa_min)}`;
  const rateNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }).format(rate.cfa_per_unit);
  return { value, rateText: `${rateNumber} CFA francs to the ${name}` };
}
