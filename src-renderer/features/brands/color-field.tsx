import { Field } from '../../ui/field';

/** The native picker only understands #rrggbb; anything else shows as black until it is valid. */
function pickerValue(text: string): string {
  const value = text.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(value)) return value.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/.test(value))
    return `#${[...value.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  return '#000000';
}

/** A picker for convenience plus a text box for pasting exact brand-guide values. */
export function ColorField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <div className="color-input">
          <input
            type="color"
            aria-label={`${label} picker`}
            value={pickerValue(value)}
            onChange={(e) => onChange(e.target.value)}
          />
          <input
            type="text"
            {...control}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            spellCheck={false}
            maxLength={9}
          />
        </div>
      )}
    </Field>
  );
}
