import { useId, useState } from 'react';
import type { FieldSpec } from './configFields';

interface Props {
  spec: FieldSpec;
  value: number;
  onChange: (value: number) => void;
  /** Why the current value is refused (shown next to the field). */
  error?: string | null;
  /** Refused by a problem whose reason shows elsewhere: the id of the element that says why. */
  flaggedBy?: string | null;
  disabled?: boolean;
}

/**
 * A labelled number input with its explanation as a tooltip and as the accessible description.
 * Text that is not a number yet (mid-typing, empty) stays local and is refused here.
 */
export function NumberField({ spec, value, onChange, error, flaggedBy, disabled }: Props) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const typedError = text !== null ? 'enter a number' : null;
  const shown = typedError ?? error ?? null;
  return (
    <div className="field" title={spec.help}>
      <label htmlFor={id}>{spec.label}</label>
      <input
        id={id}
        type="number"
        data-testid={`field-${spec.key}`}
        value={text ?? String(value)}
        min={spec.min}
        max={spec.max}
        step={spec.step ?? 'any'}
        disabled={disabled}
        aria-invalid={shown || flaggedBy ? true : undefined}
        aria-describedby={[`${id}-help`, shown ? `${id}-error` : flaggedBy]
          .filter(Boolean)
          .join(' ')}
        onChange={(e) => {
          const raw = e.target.value;
          const n = Number(raw);
          if (raw.trim() === '' || !Number.isFinite(n)) return setText(raw);
          setText(null);
          onChange(n);
        }}
      />
      <span id={`${id}-help`} className="sr-only">
        {spec.help}
      </span>
      {shown && (
        <span
          id={`${id}-error`}
          className="field-error error"
          role={typedError ? 'alert' : undefined}
        >
          {shown}
        </span>
      )}
    </div>
  );
}
