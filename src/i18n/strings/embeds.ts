/** Embed pages, share controls, downloads and cards. Keys "embeds.*". */
export const en = {} as const;

export const fr: Record<keyof typeof en, string> = {};
