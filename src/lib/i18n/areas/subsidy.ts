/** Interface text of the subsidy screens. Keys start with 'subsidy.'; English must have every Chinese key. */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
