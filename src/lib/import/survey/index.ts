/** Owners' survey import: questionnaire exports → answer counts → canonical rows (see ./read.ts, ./files.ts). */
export * from './read';
export * from './files';
