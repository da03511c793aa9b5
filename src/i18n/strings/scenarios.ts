/** The scenario explorer page and its embed. Keys "scenarios.*". */
export const en = {} as const;

export const fr: Record<keyof typeof en, string> = {};
