/**
 * The model-diff renderers the CLI offers, by format. The HTML report is built separately: when it
 * lands, `export { renderDiffHtml } from './renderDiffHtml';` here turns on `modelbook diff --format html`.
 */
export { renderDiffText } from './renderDiffText';
export { renderDiffMarkdown } from './renderDiffMarkdown';
