/**
 * Every sentence the TensorFlow.js provider says, in one place (as src/core/messages.ts does for the
 * rest of Modelbook).
 */
export const tfMessage = {
  notAvailable: 'TensorFlow.js is not available here: call setTfProvider(() => import("@tensorflow/tfjs")) first.',
};
