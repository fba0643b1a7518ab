// Bundled for cells that import '@tensorflow/tfjs' without installing it (see runtime/modules.ts).
export * from '@tensorflow/tfjs';
