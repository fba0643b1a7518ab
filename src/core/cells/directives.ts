import { message } from '../messages';

/** Per-cell options written as comment lines at the top of a cell, e.g. `//% timeout 60`. */
export interface CellDirectives {
  /** Interrupt the cell after this many seconds. */
  timeoutSeconds?: number;
  /** `modelbook run` skips the cell (e.g. an interactive-only step). */
  skip: boolean;
  /** A failure of this cell does not fail the run (e.g. a tutorial that shows an error). */
  allowError: boolean;
}

export const DIRECTIVE_NAMES = ['timeout', 'skip', 'allow-error'] as const;

/** A directive line that could not be understood. */
export class DirectiveError extends Error {
  override name = 'DirectiveError';
  constructor(
    msg: string,
    readonly line: number,
  ) {
    super(msg);
  }
}

/**
 * Reads the `//%` directive lines at the top of a cell (before any code; blank lines and other
 * comments may come between them). Throws `DirectiveError` naming the line for an unknown
 * directive or a bad value, so a typo never silently changes nothing.
 *
 * @example
 * parseDirectives('//% timeout 60\nawait train()') // { timeoutSeconds: 60, skip: false, allowError: false }
 */
export function parseDirectives(source: string): CellDirectives {
  const result: CellDirectives = { skip: false, allowError: false };
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || (line.startsWith('//') && !line.startsWith('//%'))) continue;
    if (!line.startsWith('//%')) break;
    const [name = '', ...args] = line.slice(3).trim().split(/\s+/);
    applyDirective(result, name, args, i + 1);
  }
  return result;
}

function applyDirective(result: CellDirectives, name: string, args: string[], line: number): void {
  switch (name) {
    case 'timeout': {
      const seconds = Number(args[0]);
      if (args.length !== 1 || !Number.isFinite(seconds) || seconds <= 0) {
        throw new DirectiveError(message.directiveBadValue(line, name, 'a number of seconds, e.g. //% timeout 60'), line);
      }
      result.timeoutSeconds = seconds;
      return;
    }
    case 'skip':
      result.skip = true;
      return;
    case 'allow-error':
      result.allowError = true;
      return;
    default:
      throw new DirectiveError(message.directiveUnknown(line, name, [...DIRECTIVE_NAMES]), line);
  }
}
