/**
 * The order an editor publishes a notebook's type errors in after an edit: the edited cells' first
 * (they are what the user looks at), then every cell's. A pass publishes nothing more once a newer
 * edit arrives, so diagnostics computed from older text never replace those of newer text. Pure:
 * the checker and the publisher are injected.
 */
export interface DiagnosticsChecker<D> {
  /** The diagnostics of `cellIds` (every cell when undefined), computed from the latest text. */
  check(notebook: string, cellIds: string[] | undefined): Promise<D[]>;
  /** Shows them: on `cellIds` only, or on every cell (undefined). */
  publish(notebook: string, found: D[], cellIds: string[] | undefined): void;
}

/**
 * @example
 * const passes = new DiagnosticsPasses({ check: (nb, ids) => worker.diagnostics(nb, ids), publish });
 * onEdit(() => passes.cancel(nb));           // at once, on every keystroke
 * afterDebounce(() => passes.run(nb, [cellId]));
 */
export class DiagnosticsPasses<D> {
  private readonly generation = new Map<string, number>();

  constructor(private readonly checker: DiagnosticsChecker<D>) {}

  /** A newer edit of the notebook: the pass under way (if any) publishes nothing more. */
  cancel(notebook: string): void {
    this.generation.set(notebook, (this.generation.get(notebook) ?? 0) + 1);
  }

  /** Checks and publishes the `edited` cells, then every cell, unless a newer edit or pass comes first. */
  async run(notebook: string, edited: readonly string[]): Promise<void> {
    this.cancel(notebook);
    const generation = this.generation.get(notebook);
    const current = () => this.generation.get(notebook) === generation;
    if (edited.length > 0) {
      const first = await this.checker.check(notebook, [...edited]);
      if (!current()) return;
      this.checker.publish(notebook, first, [...edited]);
    }
    const all = await this.checker.check(notebook, undefined);
    if (current()) this.checker.publish(notebook, all, undefined);
  }
}
