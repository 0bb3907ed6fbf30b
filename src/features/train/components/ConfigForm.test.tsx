// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESETS, QUICK_CONFIG, type TrainConfig } from '../../../protocol/trainConfig';
import { ConfigForm } from './ConfigForm';
import { configProblem, fieldsNamed, withLabels } from './configFields';

afterEach(cleanup);

function Harness({ onStart }: { onStart: (c: TrainConfig) => void }) {
  const [config, setConfig] = useState<TrainConfig>(QUICK_CONFIG);
  return <ConfigForm value={config} onChange={setConfig} onStart={onStart} />;
}

const start = () => screen.getByTestId<HTMLButtonElement>('start-run');

describe('ConfigForm', () => {
  it('starts a valid config', () => {
    const onStart = vi.fn();
    render(<Harness onStart={onStart} />);
    expect(screen.getByTestId<HTMLSelectElement>('preset-select').value).toBe('quick');
    expect(start().disabled).toBe(false);
    fireEvent.click(start());
    expect(onStart).toHaveBeenCalledWith(QUICK_CONFIG);
  });

  it('switches the GRPO options on and starts with them', () => {
    const onStart = vi.fn();
    render(<Harness onStart={onStart} />);
    const keep = screen.getByTestId<HTMLInputElement>('field-keepFlatGroups');
    const std = screen.getByTestId<HTMLInputElement>('field-advantageStd');
    const perAnswer = screen.getByTestId<HTMLInputElement>('field-episodeMean');
    const surgery = screen.getByTestId<HTMLInputElement>('field-projectConflicts');
    const all = [keep, std, perAnswer, surgery];
    expect(all.map((s) => s.checked)).toEqual([false, false, false, false]);
    all.forEach((s) => fireEvent.click(s));
    expect(all.map((s) => s.checked)).toEqual([true, true, true, true]);
    fireEvent.click(start());
    expect(onStart).toHaveBeenCalledWith({
      ...QUICK_CONFIG,
      keepFlatGroups: true,
      advantageStd: true,
      episodeMean: true,
      projectConflicts: true,
    });
  });

  it('disables the flat answers field while flat groups are off, keeping its value', () => {
    const onStart = vi.fn();
    render(<Harness onStart={onStart} />);
    const keep = screen.getByTestId<HTMLInputElement>('field-keepFlatGroups');
    const answers = screen.getByLabelText<HTMLInputElement>('answers kept per flat group');
    const hint = () => answers.parentElement!.querySelector('.hint')?.textContent ?? null;
    expect(keep.checked).toBe(false);
    expect(answers.disabled).toBe(true);
    expect(hint()).toBe('acts only with "keep flat groups (KL and entropy only)" on');
    fireEvent.click(keep);
    expect(answers.disabled).toBe(false);
    expect(hint()).toBeNull();
    fireEvent.change(answers, { target: { value: '3' } });
    fireEvent.click(keep);
    expect(answers.disabled).toBe(true);
    expect(answers.value).toBe('3');
    fireEvent.click(start());
    expect(onStart).toHaveBeenCalledWith({
      ...QUICK_CONFIG,
      keepFlatGroups: false,
      flatGroupAnswers: 3,
    });
  });

  it('refuses an invalid value with the reason next to the field and disables Start', () => {
    const onStart = vi.fn();
    render(<Harness onStart={onStart} />);
    const group = screen.getByLabelText<HTMLInputElement>('group size');
    fireEvent.change(group, { target: { value: '1' } });
    expect(group.getAttribute('aria-invalid')).toBe('true');
    const errorId = group.getAttribute('aria-describedby')!.split(' ')[1]!;
    expect(document.getElementById(errorId)!.textContent).toBe(
      '"group size" must be a whole number from 2 to 256',
    );
    expect(screen.getByTestId('config-problem').textContent).toContain('"group size"');
    expect(start().disabled).toBe(true);
    fireEvent.submit(screen.getByTestId('config-form'));
    expect(onStart).not.toHaveBeenCalled();
    fireEvent.change(group, { target: { value: '4' } });
    expect(start().disabled).toBe(false);
    expect(screen.queryByTestId('config-problem')).toBeNull();
  });

  it('explains every field in a tooltip and its accessible description', () => {
    render(<Harness onStart={() => {}} />);
    const lr = screen.getByLabelText('RL learning rate');
    expect(lr.closest('[title]')!.getAttribute('title')).toMatch(/Adam/);
    const helpId = lr.getAttribute('aria-describedby')!.split(' ')[0]!;
    expect(document.getElementById(helpId)!.textContent).toMatch(/Adam/);
  });

  it('refuses to start while a field holds text that is not a number, until a preset replaces it', () => {
    const onStart = vi.fn();
    render(<Harness onStart={onStart} />);
    const steps = screen.getByLabelText<HTMLInputElement>('steps');
    fireEvent.change(steps, { target: { value: '' } });
    expect(steps.value).toBe('');
    expect(steps.getAttribute('aria-invalid')).toBe('true');
    const errorId = steps.getAttribute('aria-describedby')!.split(' ')[1]!;
    expect(document.getElementById(errorId)!.textContent).toBe('enter a number');
    expect(screen.getByTestId('config-problem').textContent).toBe(
      `Cannot start: "steps" is empty; enter a whole number from 0 to 100,000 (the run would otherwise start with ${QUICK_CONFIG.steps})`,
    );
    expect(start().disabled).toBe(true);
    fireEvent.submit(screen.getByTestId('config-form'));
    expect(onStart).not.toHaveBeenCalled();
    // A preset fills every field again.
    const joint = PRESETS.find((p) => p.id === 'joint-rl')!;
    fireEvent.change(screen.getByTestId('preset-select'), { target: { value: joint.id } });
    expect(steps.value).toBe(String(joint.config.steps));
    expect(steps.getAttribute('aria-invalid')).toBeNull();
    expect(start().disabled).toBe(false);
  });

  it('does not offer a value it refused itself when the field is emptied, and says the range', () => {
    render(<Harness onStart={() => {}} />);
    const steps = screen.getByLabelText<HTMLInputElement>('steps');
    const problem = () => screen.getByTestId('config-problem').textContent;
    fireEvent.change(steps, { target: { value: '2.5' } });
    expect(problem()).toBe('Cannot start: "steps" must be a whole number from 0 to 100,000');
    fireEvent.change(steps, { target: { value: '' } });
    expect(problem()).toBe(
      'Cannot start: "steps" is empty; enter a whole number from 0 to 100,000',
    );
    // Emptied after a refused 0, a rate offers nothing either; a bound set by another field names it.
    const temperature = screen.getByLabelText<HTMLInputElement>('temperature');
    fireEvent.change(temperature, { target: { value: '0' } });
    fireEvent.change(steps, { target: { value: '40' } });
    fireEvent.change(temperature, { target: { value: '' } });
    expect(problem()).toBe('Cannot start: "temperature" is empty; enter a number in (0, 5]');
    fireEvent.change(temperature, { target: { value: '1' } });
    const signal = screen.getByLabelText<HTMLInputElement>('min. groups with signal');
    fireEvent.change(signal, { target: { value: '' } });
    expect(problem()).toMatch(
      /^Cannot start: "min\. groups with signal" is empty; enter a whole number from 0 to "tasks per step" \(\d+\) \(the run would otherwise start with \d+\)$/,
    );
  });

  it('refuses an empty name and a skill mix that leaves every trained skill at 0', () => {
    render(<Harness onStart={() => {}} />);
    const name = screen.getByTestId<HTMLInputElement>('field-name');
    fireEvent.change(name, { target: { value: '  ' } });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('config-problem').textContent).toMatch(
      /^Cannot start: name is empty/,
    );
    expect(start().disabled).toBe(true);
    fireEvent.change(name, { target: { value: 'mine' } });
    expect(start().disabled).toBe(false);
    for (const skill of QUICK_CONFIG.trainKinds)
      fireEvent.change(screen.getByTestId(`mix-slider-${skill}`), { target: { value: '0' } });
    expect(screen.getByTestId('config-problem').textContent).toMatch(
      /skill mix: every skill trained on has weight 0/,
    );
    expect(screen.getByTestId('mix-problem').textContent).toMatch(/^skill mix: every skill/);
    expect(start().disabled).toBe(true);
  });

  it('loads a preset and edits the skill mix', () => {
    render(<Harness onStart={() => {}} />);
    const select = screen.getByTestId<HTMLSelectElement>('preset-select');
    const single = PRESETS.find((p) => p.id === 'single-review')!;
    fireEvent.change(select, { target: { value: single.id } });
    expect(screen.getByTestId<HTMLInputElement>('train-kind-review').checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('train-kind-editing').checked).toBe(false);
    fireEvent.change(screen.getByTestId('mix-slider-review'), { target: { value: '2.5' } });
    expect(select.value).toBe('');
    expect(select.selectedOptions[0]!.textContent).toBe('custom');
  });

  it("keeps the preset picked when only the run's name changes: the name is not the recipe", () => {
    render(<Harness onStart={() => {}} />);
    fireEvent.change(screen.getByTestId('field-name'), { target: { value: 'my quick run' } });
    expect(screen.getByTestId<HTMLSelectElement>('preset-select').value).toBe('quick');
    expect(screen.getByTestId<HTMLInputElement>('field-name').value).toBe('my quick run');
  });

  it('lists the presets in groups, the matched single-skill runs among them', () => {
    render(<Harness onStart={() => {}} />);
    const select = screen.getByTestId<HTMLSelectElement>('preset-select');
    const groups = [...select.querySelectorAll('optgroup')].map((g) => [
      g.label,
      [...g.querySelectorAll('option')].map((o) => o.value),
    ]);
    expect(groups.map(([label]) => label)).toEqual([
      'Demo',
      "The paper's grid",
      'Matched single-skill runs',
    ]);
    expect(groups[2]![1]).toEqual(
      ['localization', 'editing', 'testgen', 'reproduction', 'review'].map((k) => `matched-${k}`),
    );
    // A matched run: one skill, with the tasks a joint step draws of it (16 / 5, rounded: 3).
    fireEvent.change(select, { target: { value: 'matched-reproduction' } });
    expect(select.value).toBe('matched-reproduction');
    expect(screen.getByTestId<HTMLInputElement>('train-kind-reproduction').checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('train-kind-editing').checked).toBe(false);
    expect(screen.getByLabelText<HTMLInputElement>('tasks per step').value).toBe('3');
  });

  it('keeps a number as typed until the field loses focus (typing 1e999 is not 100000000099)', () => {
    render(<Harness onStart={vi.fn()} />);
    const steps = screen.getByLabelText<HTMLInputElement>('steps');
    // (jsdom, like the spec, reads an input holding "1e" or "1e999" as "": both are refused.)
    for (const typed of ['1', '1e9', '1e99']) {
      fireEvent.change(steps, { target: { value: typed } });
      expect(steps.value).toBe(typed);
    }
    fireEvent.change(steps, { target: { value: '1e999' } });
    expect(screen.getByText('enter a number')).toBeTruthy();
    expect(start().disabled).toBe(true);
    fireEvent.change(steps, { target: { value: '1e3' } });
    expect(steps.value).toBe('1e3');
    expect(start().disabled).toBe(false);
    fireEvent.blur(steps);
    expect(steps.value).toBe('1000');
  });

  it('shows the network size against its bounds as the model fields change', () => {
    render(<Harness onStart={() => {}} />);
    const size = () => screen.getByTestId('model-size').textContent ?? '';
    expect(size()).toMatch(
      /^\d{2,3},\d{3} parameters \(at most 5M\) · one group needs about 0\.\d GB in a training pass \(at most 2\.7 GB\)$/,
    );
    const before = size();
    fireEvent.change(screen.getByLabelText('width (dModel)'), { target: { value: '256' } });
    expect(size()).not.toBe(before);
    expect(size()).toMatch(/^[1-4],\d{3},\d{3} parameters/);
  });

  it('gives a reason naming several fields once, by the first, and marks the others', () => {
    render(<Harness onStart={() => {}} />);
    const tokens = screen.getByLabelText('observation tokens');
    fireEvent.change(tokens, { target: { value: '8192' } });
    const errors = document.querySelectorAll('.field-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.textContent).toMatch(
      /^"observation tokens": a group of "group size" answers/,
    );
    expect(tokens.getAttribute('aria-describedby')).toContain(errors[0]!.id);
    const problemId = screen.getByTestId('config-problem').id;
    for (const label of ['attention heads', 'encoder layers', 'width (dModel)', 'group size']) {
      const field = screen.getByLabelText(label);
      expect(field.getAttribute('aria-invalid'), label).toBe('true');
      // Marked fields point at the reason, for a screen reader that lands on them.
      expect(field.getAttribute('aria-describedby'), label).toContain(problemId);
    }
    expect(screen.getByLabelText('decoder layers').getAttribute('aria-invalid')).toBeNull();
    expect(start().disabled).toBe(true);
  });

  it('marks every field out of its own bounds at once, each saying what it takes', () => {
    render(<Harness onStart={() => {}} />);
    for (const [label, value] of [
      ['tasks per step', '0'],
      ['group size', '1'],
      ['temperature', '0'],
    ] as const)
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    const said = (label: string) => {
      const field = screen.getByLabelText(label);
      const ids = field.getAttribute('aria-describedby')!.split(' ');
      return [field.getAttribute('aria-invalid'), document.getElementById(ids[1]!)!.textContent];
    };
    // The first field the config's reason names says the reason; the others, their range.
    expect(said('tasks per step')).toEqual([
      'true',
      '"tasks per step" must be a whole number from 1 to 1,000',
    ]);
    expect(said('group size')).toEqual(['true', 'Takes a whole number from 2 to 256.']);
    expect(said('temperature')).toEqual(['true', 'Takes a number in (0, 5].']);
    expect(screen.getByLabelText('steps').getAttribute('aria-invalid')).toBeNull();
    expect(start().disabled).toBe(true);
  });

  it('refuses a model width that the heads do not divide', () => {
    render(<Harness onStart={() => {}} />);
    fireEvent.change(screen.getByLabelText('attention heads'), { target: { value: '3' } });
    expect(screen.getByTestId('config-problem').textContent).toBe(
      'Cannot start: "width (dModel)" (32) must be a multiple of "attention heads" (3), which split it evenly; set "width (dModel)" to 30 or 33, or change "attention heads"',
    );
    expect(start().disabled).toBe(true);
  });
});

describe('configProblem', () => {
  it('adds the form bounds to checkConfig', () => {
    expect(configProblem(QUICK_CONFIG)).toBeNull();
    expect(configProblem({ ...QUICK_CONFIG, minLrRatio: 2 })).toMatch(
      /^minLrRatio must be in \[0, 1\]/,
    );
    expect(configProblem({ ...QUICK_CONFIG, klCoef: -1 })).toMatch(/klCoef and entropyCoef/);
    expect([...fieldsNamed('klCoef and entropyCoef must be >= 0')]).toContain('entropyCoef');
  });

  it('names each field by the label the form shows, not its config key', () => {
    expect(withLabels('klCoef and entropyCoef must be >= 0')).toBe(
      '"KL coefficient" and "entropy bonus" must be >= 0',
    );
    expect(withLabels('groupSize, then groupSize again')).toBe(
      '"group size", then "group size" again',
    );
    expect(withLabels('model.dModel must be a multiple of model.heads')).toBe(
      '"width (dModel)" must be a multiple of "attention heads"',
    );
    // The "train on" checkboxes by their legend; a word that is no field's key stays.
    expect(withLabels('trainKinds must name at least one task kind')).toBe(
      '"train on" must name at least one task kind',
    );
    expect(withLabels('kinds must be known')).toBe('kinds must be known');
  });
});
