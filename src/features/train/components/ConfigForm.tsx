import { useId, useMemo, useState } from 'react';
import { KIND_LABELS, TASK_KINDS, type TaskKind } from '../../../core/tasks/types';
import {
  formatGB,
  MAX_PARAMETERS,
  modelSize,
  PRESETS,
  type TrainConfig,
} from '../../../protocol/trainConfig';
import {
  configProblem,
  fieldsNamed,
  FIELD_GROUPS,
  getField,
  setField,
  withLabels,
  type FieldKey,
  type SwitchKey,
} from './configFields';
import { ownRangeProblem, unparsedProblem } from './fieldRange';
import { MixSliders } from './MixSliders';
import { NumberField } from './NumberField';

export interface ConfigFormProps {
  /** The configuration being edited (controlled). */
  value: TrainConfig;
  onChange: (config: TrainConfig) => void;
  /** Called with a valid configuration; without it the form has no Start button. */
  onStart?: (config: TrainConfig) => void;
  /** Freezes the form (e.g. while a run goes). */
  disabled?: boolean;
}

/** Whether two configs are the same recipe: the run's name is not part of it. */
const sameRecipe = (a: TrainConfig, b: TrainConfig) =>
  JSON.stringify({ ...a, name: '' }) === JSON.stringify({ ...b, name: '' });
/** The preset list's groups, in the order they were shipped. */
const PRESET_GROUPS = [...new Set(PRESETS.map((p) => p.group))];

/**
 * On/off fields, shown in the GRPO group unless another group is named (runs saved before an
 * option existed read as off).
 */
const SWITCHES: {
  group?: 'Model';
  key: SwitchKey;
  label: string;
  title: string;
}[] = [
  {
    key: 'advantageStd',
    label: "normalise advantages by the group's std",
    title:
      "Divide each group's advantages by its standard deviation (the original GRPO; default); off keeps the raw difference to the group mean.",
  },
  {
    key: 'keepFlatGroups',
    label: 'keep flat groups (KL and entropy only)',
    title:
      'Keep groups whose rewards all agree in the update with advantage 0, so the KL to the warm start and the entropy bonus still act on them (default); off leaves them out.',
  },
  {
    key: 'episodeMean',
    label: 'average the loss per answer',
    title:
      'Average the loss over each answer, then over the answers (the original GRPO): a one-token verdict weighs as much as a 40-token test. Off averages over all tokens, so long answers weigh more.',
  },
  {
    key: 'kindMean',
    label: 'average the loss per skill',
    title:
      'Average the loss within each task kind, then over the kinds of the step: each skill weighs the same in a joint update, as in its own single-skill run. Off, skills with long answers (tests, reproductions) outweigh those with short ones (files, verdicts).',
  },
  {
    key: 'projectConflicts',
    label: 'project out conflicting skill gradients (PCGrad)',
    title:
      "Take each task kind's gradient on its own and, where it points against another kind's, remove that component before summing them (gradient surgery), so one skill's update cannot undo another's. Costs a pass per kind; single-skill runs are unchanged.",
  },
  {
    key: 'tagToDecoder',
    group: 'Model',
    label: 'feed the skill tag to every decoder step',
    title:
      "Add the encoder's state of the skill tag (the observation's first token), through a learned matrix that starts at zero, to every step of the answer, so skills whose answers look alike (unit tests and reproductions both write TEST ... EXPECT ...) are told apart at each step. A model change: the warm start trains it too.",
  },
];

const switchLabel = (key: SwitchKey): string => SWITCHES.find((sw) => sw.key === key)?.label ?? key;

const FIELD_LIST = FIELD_GROUPS.flatMap((g) => g.fields);
const FIELD_KEYS: ReadonlySet<string> = new Set(FIELD_LIST.map((f) => f.key));

/** The training configuration: presets, every field explained, invalid values refused with the reason. */
export function ConfigForm({ value, onChange, onStart, disabled = false }: ConfigFormProps) {
  // Text typed into a field that is not a number yet, with the value it was typed over: it
  // holds only while the config still has that value (a preset or an outside change drops it).
  const [typed, setTyped] = useState<Partial<Record<FieldKey, { raw: string; over: number }>>>({});
  const textOf = (key: FieldKey): string | null => {
    const t = typed[key];
    return t && t.over === getField(value, key) ? t.raw : null;
  };
  const unparsed = FIELD_LIST.find((f) => textOf(f.key) !== null);
  const checked = useMemo(() => configProblem(value), [value]);
  const problem = unparsed ? unparsedProblem(unparsed, textOf(unparsed.key) ?? '', value) : checked;
  const named = fieldsNamed(problem);
  const shown = problem === null ? null : withLabels(problem);
  // The reason shows once, by the first field it names; the other fields it names are marked.
  const primary = [...named].find((name) => FIELD_KEYS.has(name));
  const problemId = useId();
  const preset = useMemo(() => PRESETS.find((p) => sameRecipe(p.config, value)), [value]);
  const toggleKind = (kind: TaskKind, on: boolean) =>
    onChange({
      ...value,
      trainKinds: on
        ? TASK_KINDS.filter((k) => k === kind || value.trainKinds.includes(k))
        : value.trainKinds.filter((k) => k !== kind),
    });
  return (
    <form
      className="config-form"
      data-testid="config-form"
      aria-label="Training configuration"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem && !disabled) onStart?.(value);
      }}
    >
      <fieldset disabled={disabled} className="config-body">
        <div
          className="field"
          title="Start from a shipped configuration: the quick demo, a baseline of the paper's grid or a matched single-skill run."
        >
          <label htmlFor="config-preset">preset</label>
          <select
            id="config-preset"
            data-testid="preset-select"
            value={preset?.id ?? ''}
            onChange={(e) => {
              const next = PRESETS.find((p) => p.id === e.target.value);
              if (!next) return;
              setTyped({});
              onChange(structuredClone(next.config));
            }}
          >
            {!preset && <option value="">custom</option>}
            {PRESET_GROUPS.map((group) => (
              <optgroup key={group} label={group}>
                {PRESETS.filter((p) => p.group === group).map((p) => (
                  <option key={p.id} value={p.id} title={p.description}>
                    {p.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {preset && <span className="hint">{preset.description}</span>}
        </div>
        <div className="field" title="A name for the run, shown in the list of runs.">
          <label htmlFor="config-name">name</label>
          <input
            id="config-name"
            data-testid="field-name"
            value={value.name}
            onChange={(e) => onChange({ ...value, name: e.target.value })}
            aria-invalid={problem?.startsWith('name ') ? true : undefined}
            aria-describedby={problem?.startsWith('name ') ? problemId : undefined}
          />
        </div>
        <fieldset
          className="config-kinds"
          title="Task kinds that may enter the training buffer; composites only for the composite-only baseline."
        >
          <legend>train on</legend>
          {TASK_KINDS.map((kind) => (
            <label key={kind} className="radio">
              <input
                type="checkbox"
                data-testid={`train-kind-${kind}`}
                checked={value.trainKinds.includes(kind)}
                onChange={(e) => toggleKind(kind, e.target.checked)}
              />{' '}
              {KIND_LABELS[kind]}
            </label>
          ))}
          {named.has('trainKinds') && <span className="field-error error">{problem}</span>}
        </fieldset>
        <MixSliders
          mix={value.mix}
          skills={value.trainKinds}
          onChange={(mix) => onChange({ ...value, mix })}
        />
        {problem?.startsWith('skill mix') && (
          <span className="field-error error" data-testid="mix-problem">
            {shown}
          </span>
        )}
        {FIELD_GROUPS.map((group) => (
          <fieldset key={group.title} className="config-group">
            <legend>{group.title}</legend>
            {group.fields.map((spec) => (
              <NumberField
                key={spec.key}
                spec={spec}
                offBecause={
                  spec.requires && value[spec.requires] !== true
                    ? `acts only with "${switchLabel(spec.requires)}" on`
                    : null
                }
                value={getField(value, spec.key)}
                error={
                  spec.key === primary && !unparsed
                    ? shown
                    : textOf(spec.key) === null
                      ? ownRangeProblem(spec, value)
                      : null
                }
                flaggedBy={named.has(spec.key) && !unparsed ? problemId : null}
                text={textOf(spec.key)}
                onText={(raw) =>
                  setTyped((t) => {
                    const next = { ...t };
                    if (raw === null) delete next[spec.key];
                    else next[spec.key] = { raw, over: getField(value, spec.key) };
                    return next;
                  })
                }
                onChange={(v) => onChange(setField(value, spec.key, v))}
              />
            ))}
            {SWITCHES.filter((sw) => (sw.group ?? 'GRPO') === group.title).map((sw) => (
              <label key={sw.key} className="radio" title={sw.title}>
                <input
                  type="checkbox"
                  data-testid={`field-${sw.key}`}
                  checked={value[sw.key] === true}
                  onChange={(e) => onChange({ ...value, [sw.key]: e.target.checked })}
                />{' '}
                {sw.label}
              </label>
            ))}
            {group.title === 'Model' && <ModelSizeNote config={value} />}
          </fieldset>
        ))}
      </fieldset>
      {/* Kept in sight at the foot of the form while its fields scroll (a wide window). */}
      <div className="config-start">
        {problem && (
          <p id={problemId} className="error" role="alert" data-testid="config-problem">
            Cannot start: {shown}
          </p>
        )}
        {onStart && (
          <button type="submit" data-testid="start-run" disabled={disabled || problem !== null}>
            Start
          </button>
        )}
      </div>
    </form>
  );
}

/** The network's size against its bounds, updated as the fields change. */
function ModelSizeNote({ config }: { config: TrainConfig }) {
  const { parameters, groupBytes, passLimit } = useMemo(() => modelSize(config), [config]);
  return (
    <p
      className="hint"
      data-testid="model-size"
      title="One group (groupSize answers over one observation of maxObsLen tokens) is the least a training pass holds; bigger batches train in several passes."
    >
      {parameters.toLocaleString('en-US')} parameters (at most {MAX_PARAMETERS / 1e6}M) · one group
      needs about {formatGB(groupBytes)} in a training pass (at most {formatGB(passLimit)})
    </p>
  );
}
