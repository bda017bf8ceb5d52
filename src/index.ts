// Library entry point: `import { analyze } from 'verbatim'`.
export { analyze, type ArticleInput } from './analyze.js';
export * from './types.js';
