/** Sources and methods, glossary, classroom guide, handout, class view, offline and short-link pages. Keys "pages.*". */
export const en = {} as const;

export const fr: Record<keyof typeof en, string> = {};
