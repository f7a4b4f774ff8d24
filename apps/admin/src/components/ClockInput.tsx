/**
 * A 24-hour time typed as "07:30" (or "07.30", as it is written in Indonesia). Not
 * `<input type="time">`: that follows the browser's locale and may show AM/PM.
 */
export function ClockInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
}) {
  return (
    <input
      type="text"
      className="clock-input"
      inputMode="numeric"
      placeholder="07:30"
      maxLength={5}
      aria-label={props.label}
      aria-invalid={!!props.invalid}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value.replace('.', ':'))}
    />
  );
}
