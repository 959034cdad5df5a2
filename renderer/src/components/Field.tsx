import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldFrameProps {
  label: ReactNode;
  hint?: ReactNode;
  children: (id: string) => ReactNode;
}

function FieldFrame({ label, hint, children }: FieldFrameProps) {
  const id = useId();
  return (
    <div className="k-field">
      <label htmlFor={id} className="k-field__label">
        {label}
      </label>
      {children(id)}
      {hint && <div className="k-field__hint">{hint}</div>}
    </div>
  );
}

export function TextField({
  label,
  hint,
  ...rest
}: { label: ReactNode; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame label={label} hint={hint}>
      {(id) => <input id={id} className="k-input" {...rest} />}
    </FieldFrame>
  );
}

export function TextArea({
  label,
  hint,
  ...rest
}: { label: ReactNode; hint?: ReactNode } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame label={label} hint={hint}>
      {(id) => <textarea id={id} className="k-input k-textarea" {...rest} />}
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  options,
  ...rest
}: {
  label: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldFrame label={label} hint={hint}>
      {(id) => (
        <select id={id} className="k-input k-select" {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
