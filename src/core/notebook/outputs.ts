import type { ErrorOutput, MimeBundle, Output } from './contract';
import { MIME } from './mime';
import { sanitizeBundle } from './sanitize';
import type { CellError } from '../kernel/contract';

/** The text VS Code's error item and nbformat's traceback both carry: never empty. */
export function errorStack(e: CellError): string {
  return e.stack && e.stack.trim() !== '' ? e.stack : `${e.name}: ${e.message}`;
}

export function errorOutput(e: CellError): ErrorOutput {
  return { output_type: 'error', ename: String(e.name), evalue: String(e.message), traceback: String(errorStack(e)).split('\n') };
}

/**
 * Builds a cell's nbformat outputs from what a kernel sends, exactly as VS Code's outputs
 * serialize: consecutive stream text merged, `display` updates replacing their earlier output.
 * MIME values a notebook reader would refuse are converted or dropped with a note on stderr
 * (see sanitizeBundle), so what it collects can always be written and read back.
 *
 * @example
 * const c = new OutputCollector();
 * c.stream('stdout', 'a\n'); c.stream('stdout', 'b\n');
 * c.outputs // [{ output_type: 'stream', name: 'stdout', text: 'a\nb\n' }]
 */
export class OutputCollector {
  readonly outputs: Output[] = [];
  private readonly displays = new Map<string, number>();

  stream(name: 'stdout' | 'stderr', text: string): void {
    const last = this.outputs[this.outputs.length - 1];
    if (last?.output_type === 'stream' && last.name === name) last.text += String(text);
    else this.outputs.push({ output_type: 'stream', name, text: String(text) });
  }

  display(data: MimeBundle, displayId?: string, update?: boolean): void {
    const bundle = this.sanitize(data);
    if (!bundle) return;
    const out: Output = { output_type: 'display_data', data: bundle, metadata: {} };
    const at = displayId !== undefined ? this.displays.get(displayId) : undefined;
    if (update && at !== undefined) {
      this.outputs[at] = out;
      return;
    }
    if (displayId !== undefined) this.displays.set(displayId, this.outputs.length);
    this.outputs.push(out);
  }

  result(data: MimeBundle, executionCount: number | null): void {
    const bundle = this.sanitize(data);
    if (bundle) this.outputs.push({ output_type: 'execute_result', data: bundle, metadata: {}, execution_count: executionCount });
  }

  error(e: CellError): void {
    this.outputs.push(errorOutput(e));
  }

  /** The bundle as it can be stored (see sanitizeBundle); each change is noted on stderr; undefined when nothing is left. */
  private sanitize(data: MimeBundle): MimeBundle | undefined {
    const { data: bundle, notes } = sanitizeBundle(data);
    for (const note of notes) this.stream('stderr', note);
    return Object.keys(bundle).length > 0 ? bundle : undefined;
  }
}

/** The plain-text form of an output, for terminals and logs. */
export function outputText(o: Output): string {
  switch (o.output_type) {
    case 'stream':
      return o.text;
    case 'error':
      return o.traceback.join('\n') + '\n';
    default: {
      const text = o.data[MIME.text];
      return typeof text === 'string' ? text + '\n' : `<${Object.keys(o.data).join(', ')}>\n`;
    }
  }
}
