/** Interface text of the data screens. Keys start with 'data.'; English must have every Chinese key. */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
