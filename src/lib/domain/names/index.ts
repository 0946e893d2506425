export * from './normalise';
export * from './ids';
export * from './match';
export * from './title';
