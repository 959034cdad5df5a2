import { Play, SquareDashedMousePointer, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ClipEdit, Redaction, RedactionStyle, ZoomRegion } from '@shared/domain/clip';
import { Card, IconButton, SelectField, TextField } from '../../components';
import { removeRegion, updateRegion, type RegionKind, type RegionRef } from './regionEdit';
import { timecode } from './timecode';

const STYLES: RedactionStyle[] = ['blur', 'pixelate', 'box'];

/**
 * The clip's redactions and zooms as a list: draw a new one, pick one (its rectangle shows on the
 * preview, and I/O set its in and out), how it hides, whether it follows something, remove it.
 */
export function RegionsPanel({
  edit,
  change,
  selected,
  onSelect,
  tool,
  onJump,
}: {
  edit: ClipEdit;
  change: (update: (e: ClipEdit) => ClipEdit) => void;
  selected: RegionRef | null;
  onSelect: (ref: RegionRef | null) => void;
  tool: RegionKind | null;
  onJump: (s: number) => void;
}) {
  const { t } = useTranslation('videos');
  const patch = (ref: RegionRef, p: Partial<Redaction> & Partial<ZoomRegion>) =>
    change((e) => updateRegion(e, ref, p));
  const items = [
    ...edit.redactions.map((r, i) => ({
      kind: 'redaction' as const,
      region: r as Redaction | ZoomRegion,
      n: i + 1,
    })),
    ...edit.zooms.map((z, i) => ({ kind: 'zoom' as const, region: z as Redaction | ZoomRegion, n: i + 1 })),
  ];
  return (
    <Card
      title={t('regions.title')}
      className="k-regions-panel"
      actions={<SquareDashedMousePointer size={16} aria-hidden />}
    >
      <p className="faint k-regions-panel__hint" aria-live="polite">
        {tool
          ? t(tool === 'zoom' ? 'regions.drawZoomHint' : 'regions.drawHint')
          : selected
            ? t('regions.selectedHint')
            : t('regions.hint')}
      </p>
      {items.length > 0 && (
        <ul className="k-region-list">
          {items.map(({ kind, region, n }) => {
            const ref = { kind, id: region.id };
            const isSelected = selected?.kind === kind && selected.id === region.id;
            const name = t(kind === 'redaction' ? 'regions.redactionN' : 'regions.zoomN', { n });
            return (
              <li
                key={`${kind}-${region.id}`}
                className={`k-region-item ${isSelected ? 'is-selected' : ''}`}
                data-testid={`region-item-${kind}`}
              >
                <div className="k-region-item__head">
                  <button
                    type="button"
                    className="k-region-item__name"
                    aria-pressed={isSelected}
                    onClick={() => {
                      onSelect(isSelected ? null : ref);
                      if (!isSelected) onJump(region.startS);
                    }}
                  >
                    {name}
                  </button>
                  <span className="faint mono" data-testid="region-span">
                    {t('regions.span', { from: timecode(region.startS), to: timecode(region.endS) })}
                  </span>
                  <IconButton
                    label={t('regions.jump')}
                    icon={<Play size={14} />}
                    onClick={() => onJump(region.startS)}
                  />
                  <IconButton
                    label={t('regions.remove', { name })}
                    icon={<Trash2 size={14} />}
                    onClick={() => {
                      if (isSelected) onSelect(null);
                      change((e) => removeRegion(e, ref));
                    }}
                  />
                </div>
                {kind === 'redaction' ? (
                  <div className="k-region-item__body">
                    <SelectField
                      label={t('regions.style')}
                      value={(region as Redaction).style}
                      options={STYLES.map((s) => ({ value: s, label: t(`regions.styles.${s}`) }))}
                      onChange={(e) => patch(ref, { style: e.target.value as RedactionStyle })}
                      data-testid="region-style"
                    />
                    <label className="k-check">
                      <input
                        type="checkbox"
                        checked={(region as Redaction).rectTo !== null}
                        onChange={(e) => patch(ref, { rectTo: e.target.checked ? { ...region.rect } : null })}
                        data-testid="region-follow"
                      />
                      <span>
                        {t('regions.follow')}
                        <span className="k-field__hint">{t('regions.followHint')}</span>
                      </span>
                    </label>
                  </div>
                ) : (
                  <div className="k-region-item__body">
                    <TextField
                      label={t('regions.ease')}
                      type="number"
                      min={0}
                      max={5}
                      step={0.1}
                      value={(region as ZoomRegion).easeS}
                      onChange={(e) => {
                        const n = Number(e.target.value);
                        if (e.target.value !== '' && n >= 0 && n <= 5) patch(ref, { easeS: n });
                      }}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
