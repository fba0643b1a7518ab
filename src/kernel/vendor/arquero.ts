// Bundled for cells that import 'arquero' without installing it (see runtime/modules.ts).
export * from 'arquero';
