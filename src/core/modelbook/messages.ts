/**
 * Every sentence the `modelbook` module cells import says to a cell author, in one place (as
 * src/core/messages.ts does for the rest of Modelbook).
 */
export const modelbookMessage = {
  mimeNotBundle: 'mime() needs an object mapping MIME types to values, e.g. { "text/html": "<b>hi</b>" }.',
};
