export * from './schema';
export * from './fit';
export * from './apply';
export * from './run';
export * from './make';
