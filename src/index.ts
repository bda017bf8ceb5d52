// Library entry point: `import { analyze } from 'verbatim'`.
export { analyze, type AnalyzeOptions, type ArticleInput } from './analyze.js';
export * from './types.js';
