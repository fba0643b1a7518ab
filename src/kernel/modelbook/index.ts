/**
 * The `modelbook` module as cells load it in the kernel: the pure API of src/core plus what needs
 * Node (reading files from the workspace). Built to dist/modelbook.mjs.
 */
export * from '../../core/modelbook/index';
export * from './data';
