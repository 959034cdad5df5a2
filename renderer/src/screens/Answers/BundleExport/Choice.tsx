import { useId, type ReactNode } from 'react';

/** A checkbox or radio with its label and a hint, the way the export dialog lays out its options. */
export function Choice({
  type,
  checked,
  onChange,
  label,
  hint,
  disabled,
  name,
}: {
  type: 'checkbox' | 'radio';
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
  name?: string;
}) {
  const id = useId();
  return (
    <div className={`k-choice ${disabled ? 'is-disabled' : ''}`}>
      <input
        id={id}
        type={type}
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>
        <span className="k-choice__label">{label}</span>
        {hint && <span className="k-choice__hint">{hint}</span>}
      </label>
    </div>
  );
}
