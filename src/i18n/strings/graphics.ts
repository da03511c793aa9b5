/** Words drawn inside charts and maps (axes, legends, titles, notes). Keys "graphics.*". */
export const en = {} as const;

export const fr: Record<keyof typeof en, string> = {};
