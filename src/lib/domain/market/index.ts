export * from './listing-text';
export * from './scale';
export * from './match';
export * from './summary';
