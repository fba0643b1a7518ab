// Entry of dist/vendor/tfjs-backend-wasm.mjs (a build entry the lead adds next to vendor/tfjs):
// the WASM backend for kernels whose workspace does not install it. Built with
// '@tensorflow/tfjs-core' external and mapped to './tfjs.mjs', so it registers into the same
// TF.js copy cells use (src/kernel/tf/kernelBackend.ts loads it; .wasm files come from dist/wasm/).
export * from '@tensorflow/tfjs-backend-wasm';
