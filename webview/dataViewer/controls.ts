/**
 * The toolbar's custom elements (text field, buttons). Defining them (Lit templates, styles) is the
 * heaviest part of opening the panel, so index.ts loads this module after the first rows are drawn.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
