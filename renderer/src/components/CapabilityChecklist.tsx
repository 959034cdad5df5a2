import type { Capability } from '@shared/domain/capability';
import './capabilityChecklist.css';

/**
 * The scope catalogue as a list of checkboxes, areas with their operations under them: what a
 * release changed (Settings → Releases) and what a step of an answer uses (the editor).
 */
export function CapabilityChecklist({
  capabilities,
  checked,
  onChange,
  label,
}: {
  capabilities: readonly Capability[];
  checked: readonly number[];
  onChange: (ids: number[]) => void;
  /** What the list is for, for screen readers (the group's name). */
  label: string;
}) {
  const areas = capabilities.filter((c) => c.parentId === null);
  const childrenOf = (id: number) => capabilities.filter((c) => c.parentId === id);
  const toggle = (id: number) =>
    onChange(checked.includes(id) ? checked.filter((x) => x !== id) : [...checked, id]);
  const box = (c: Capability, coveredByArea: boolean) => (
    <label className={`k-capchecks__item k-capchecks__item--${c.kind}`}>
      <input
        type="checkbox"
        checked={checked.includes(c.id) || coveredByArea}
        disabled={coveredByArea}
        onChange={() => toggle(c.id)}
      />
      <span>{c.title}</span>
    </label>
  );
  return (
    <div className="k-capchecks" role="group" aria-label={label} data-testid="capability-checklist">
      <ul>
        {areas.map((area) => {
          const areaChecked = checked.includes(area.id);
          const operations = childrenOf(area.id);
          return (
            <li key={area.id}>
              {box(area, false)}
              {operations.length > 0 && (
                <ul>
                  {operations.map((op) => (
                    <li key={op.id}>{box(op, areaChecked)}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
