/** Interface text of the negotiation screens. Keys start with 'negotiation.'; English must have every Chinese key. */
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
