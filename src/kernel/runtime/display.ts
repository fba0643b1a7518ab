import { inspect } from 'node:util';
import type { MimeBundle } from '../../core/notebook/contract';
import { MIME } from '../../core/notebook/mime';
import { richBundle } from '../../core/display/mimeBundle';

/** The MIME bundle for any value: its rich forms when it has some, always with `text/plain`. */
export function toMimeBundle(value: unknown): MimeBundle {
  const rich = richBundle(value);
  if (rich) return MIME.text in rich ? rich : { ...rich, [MIME.text]: plainText(value) };
  return { [MIME.text]: plainText(value) };
}

function plainText(value: unknown): string {
  const v = value as { dataSync?: unknown; toString?: () => string; shape?: unknown; dtype?: unknown };
  // TF.js tensors print their values with toString(); inspect would show internals.
  if (v && typeof v === 'object' && typeof v.dataSync === 'function' && Array.isArray(v.shape) && typeof v.dtype === 'string') {
    try {
      return (v as { toString(): string }).toString();
    } catch {
      // a disposed tensor: fall through to inspect
    }
  }
  return inspect(value, { depth: 4, maxArrayLength: 100, maxStringLength: 10_000, breakLength: 100, colors: false });
}
