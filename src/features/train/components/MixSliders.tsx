import { ATOMIC_SKILLS, KIND_LABELS, TASK_KINDS, type TaskKind } from '../../../core/tasks/types';
import { useState } from 'react';
import { kindColor } from '../../../components/skillColors';
import { mixProblem } from '../../../protocol/trainConfig';

export interface MixSlidersProps {
  /** Mixing weights of the unified buffer (a missing kind weighs 1). */
  mix: Partial<Record<TaskKind, number>>;
  onChange: (mix: Partial<Record<TaskKind, number>>) => void;
  /**
   * The kinds a run trains on, in any order: a slider each, in TASK_KINDS order (default: the
   * five atomic skills). Weights of kinds not trained draw nothing, so they get no slider.
   */
  skills?: readonly TaskKind[];
  disabled?: boolean;
  /**
   * The kinds a going run trains on: a move that would leave all of them at weight 0 is not
   * made (no task could be drawn), and the sliders say why.
   */
  trainKinds?: readonly TaskKind[];
}

export const MIX_MAX = 3;
export const MIX_STEP = 0.25;

/** One 0–3 slider per trained kind: how often the buffer draws it. Usable while a run goes. */
export function MixSliders(props: MixSlidersProps) {
  const { mix, onChange, skills = ATOMIC_SKILLS, disabled, trainKinds } = props;
  const shown = TASK_KINDS.filter((k) => skills.includes(k));
  const [refused, setRefused] = useState(false);
  const change = (next: MixSlidersProps['mix']) => {
    const blocked = trainKinds !== undefined && mixProblem(trainKinds, next) !== null;
    setRefused(blocked);
    if (!blocked) onChange(next);
  };
  return (
    <fieldset className="mix-sliders" data-testid="mix-sliders" disabled={disabled}>
      <legend title="How often the unified buffer draws each skill, relative to the others (0: never; default 1).">
        skill mix
      </legend>
      {shown.length === 0 && (
        <p className="hint" data-testid="mix-none">
          Tick a kind under &ldquo;train on&rdquo; to weigh it here.
        </p>
      )}
      {shown.map((skill) => {
        const weight = mix[skill] ?? 1;
        return (
          <label
            key={skill}
            className="mix-slider"
            title={`Weight of ${KIND_LABELS[skill]} in the buffer (0–${MIX_MAX}).`}
          >
            <span className="swatch" style={{ background: kindColor(skill) }} aria-hidden />
            <span className="mix-label">{KIND_LABELS[skill]}</span>
            <input
              type="range"
              data-testid={`mix-slider-${skill}`}
              aria-label={`${KIND_LABELS[skill]} weight`}
              min={0}
              max={MIX_MAX}
              step={MIX_STEP}
              value={weight}
              onChange={(e) => change({ ...mix, [skill]: Number(e.target.value) })}
            />
            <output className="num">{weight.toFixed(2)}</output>
          </label>
        );
      })}
      {refused && (
        <p className="field-error error" role="alert" data-testid="mix-refused">
          At least one skill this run trains on must keep a weight above 0: with none, no task could
          be drawn.
        </p>
      )}
    </fieldset>
  );
}
