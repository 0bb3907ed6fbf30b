import { useId, useState } from 'react';
import type { FieldSpec } from './configFields';

interface Props {
  spec: FieldSpec;
  value: number;
  onChange: (value: number) => void;
  /**
   * Text typed that is not a number (mid-typing, empty), kept by the form so it can refuse to
   * start while any field holds one; null when the field shows `value`.
   */
  text: string | null;
  onText: (text: string | null) => void;
  /** Why the current value is refused (shown next to the field). */
  error?: string | null;
  /** Refused by a problem whose reason shows elsewhere: the id of the element that says why. */
  flaggedBy?: string | null;
  disabled?: boolean;
  /**
   * Why the field does nothing with the config as it is (say, an option it acts with is off):
   * shown beside it, and the field is disabled; its value is kept.
   */
  offBecause?: string | null;
}

/** A labelled number input with its explanation as a tooltip and as the accessible description. */
export function NumberField(props: Props) {
  const { spec, value, onChange, text, onText, error, flaggedBy, disabled, offBecause } = props;
  const id = useId();
  // A number as typed ("1e3", "0.50"), shown as typed until the field loses focus: rewriting it
  // as its value mid-typing ("1e9" -> "1000000000") would turn the next keys into other numbers.
  const [draft, setDraft] = useState<string | null>(null);
  const shownText = text ?? (draft !== null && Number(draft) === value ? draft : String(value));
  const typedError = text !== null ? 'enter a number' : null;
  const shown = typedError ?? error ?? null;
  return (
    <div className="field" title={spec.help}>
      <label htmlFor={id}>{spec.label}</label>
      <input
        id={id}
        type="number"
        data-testid={`field-${spec.key}`}
        value={shownText}
        min={spec.min}
        max={spec.max}
        step={spec.step ?? 'any'}
        disabled={disabled || Boolean(offBecause)}
        aria-invalid={shown || flaggedBy ? true : undefined}
        aria-describedby={[
          `${id}-help`,
          shown ? `${id}-error` : flaggedBy,
          offBecause && `${id}-off`,
        ]
          .filter(Boolean)
          .join(' ')}
        onChange={(e) => {
          const raw = e.target.value;
          const n = Number(raw);
          if (raw.trim() === '' || !Number.isFinite(n)) return onText(raw);
          setDraft(raw);
          onText(null);
          onChange(n);
        }}
        onBlur={() => setDraft(null)}
      />
      <span id={`${id}-help`} className="sr-only">
        {spec.help}
      </span>
      {offBecause && (
        <span id={`${id}-off`} className="hint">
          {offBecause}
        </span>
      )}
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
