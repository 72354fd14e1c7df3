// An on/off switch: a checkbox with the switch role, its label beside it (popup and options).
interface SwitchProps {
  label: string;
  on: boolean;
  onChange: (on: boolean) => void | Promise<void>;
  testId?: string;
  describedBy?: string;
}

export function Switch({ label, on, onChange, testId, describedBy }: SwitchProps) {
  return (
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        checked={on}
        data-testid={testId}
        aria-describedby={describedBy}
        onChange={(e) => void onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      <span>{label}</span>
    </label>
  );
}
