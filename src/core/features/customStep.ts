import type { ColumnTable } from 'arquero';
import type { FeatureStep, StepJSON } from './contract';
import { registerStep } from './stepRegistry';
import { featuresMessage } from './messages';
import { noteStepFit } from './stepFitObserver';

/** A user-defined step: what to learn from the training table and how to apply it. */
export interface CustomStepDefinition<S = unknown> {
  /** A unique name: saved pipelines and trials in other processes refer to the step by it. */
  name: string;
  /** Learns from the training table only; the result must be JSON (it is saved with the model). */
  fit?: (table: ColumnTable) => S;
  /** Applies the learned state (undefined when there is no fit) to any table. */
  transform: (table: ColumnTable, state: S) => ColumnTable;
}

const definitions = new Map<string, CustomStepDefinition<unknown>>();

/**
 * A pipeline step from your own functions, fitted on training data only like the built-in steps.
 * Defining it registers it by name in this process, so pipelines that contain it can be cloned,
 * saved and rebuilt here; another process (a parallel trial) must define it too.
 *
 * @example
 * const logIncome = new CustomStep({
 *   name: 'logIncome',
 *   transform: (t) => t.derive({ income: (d) => Math.log1p(d.income) }),
 * });
 * const capAge = new CustomStep({
 *   name: 'capAge',
 *   fit: (t) => ({ cap: aq.agg(t, aq.op.quantile('age', 0.99)) }),
 *   transform: (t, s) => t.params(s).derive({ age: (d, $) => Math.min(d.age, $.cap) }),
 * });
 */
export class CustomStep<S = unknown> implements FeatureStep {
  readonly type = 'CustomStep';
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>> = Object.freeze({});
  private state: { value: S } | undefined;

  constructor(private readonly definition: CustomStepDefinition<S>) {
    if (typeof definition !== 'object' || definition === null) throw new TypeError(featuresMessage.customBadDefinition);
    if (typeof definition.name !== 'string' || !definition.name || definition.name.includes('.')) throw new TypeError(featuresMessage.badStepName('CustomStep', definition.name));
    if (typeof definition.transform !== 'function') throw new TypeError(featuresMessage.customNotFunction(definition.name, 'transform'));
    if (definition.fit !== undefined && typeof definition.fit !== 'function') throw new TypeError(featuresMessage.customNotFunction(definition.name, 'fit'));
    this.name = definition.name;
    definitions.set(definition.name, definition as CustomStepDefinition<unknown>);
  }

  get fitted(): boolean {
    return this.state !== undefined;
  }

  fit(table: ColumnTable): this {
    const value = this.definition.fit ? this.definition.fit(table) : (undefined as S);
    // Round-trip now, so a state that JSON cannot carry fails at fit, not when the model is saved.
    this.state = { value: value === undefined ? value : (JSON.parse(JSON.stringify(value)) as S) };
    noteStepFit(this, table);
    return this;
  }

  transform(table: ColumnTable): ColumnTable {
    if (!this.state) throw new Error(featuresMessage.stepNotFitted(`CustomStep "${this.name}"`));
    const out = this.definition.transform(table, this.state.value);
    if (!out || typeof (out as ColumnTable).columnNames !== 'function') throw new TypeError(featuresMessage.customBadOutput(this.name));
    return out;
  }

  clone(): FeatureStep {
    return new CustomStep(this.definition);
  }

  toJSON(): StepJSON {
    return { type: 'CustomStep', name: this.name, params: {}, state: this.state as Record<string, unknown> | undefined };
  }

  /**
   * The step named in JSON, from the definitions made in this process.
   *
   * @example
   * CustomStep.fromJSON({ type: 'CustomStep', name: 'logIncome', params: {} })
   */
  static fromJSON(json: StepJSON): CustomStep {
    const definition = definitions.get(json.name);
    if (!definition) throw new RangeError(featuresMessage.customUndefined(json.name));
    const step = new CustomStep(definition);
    step.state = json.state as { value: unknown } | undefined;
    return step;
  }
}

registerStep('CustomStep', (json) => CustomStep.fromJSON(json));
