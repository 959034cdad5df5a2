import { ImagePlus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VendorSettings } from '@shared/domain/faq';
import { mediaUrl } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { Button, Card, ErrorMessage, Loading, TextField, useToast } from '../../components';
import { SigningKey } from './SigningKey';
import './vendor.css';

function VendorForm({ vendor }: { vendor: VendorSettings }) {
  const { t } = useTranslation(['settings', 'common']);
  const toast = useToast();
  const update = useApiMutation('vendor:update');
  const chooseLogo = useApiMutation('vendor:chooseLogo');
  const [form, setForm] = useState({
    name: vendor.name,
    nameEn: vendor.nameEn,
    email: vendor.email,
    website: vendor.website,
    colour: vendor.colour,
  });
  const dirty = (Object.keys(form) as (keyof typeof form)[]).some((k) => form[k] !== vendor[k]);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value })),
  });

  return (
    <form
      data-testid="vendor-settings"
      onSubmit={(e) => {
        e.preventDefault();
        // mutateAsync, not mutate's callbacks: saving re-keys this form (fresh values), and the
        // callbacks of an unmounted observer never run.
        update
          .mutateAsync(form)
          .then(() => toast.show(t('common:saved'), { tone: 'ok' }))
          .catch(() => undefined);
      }}
    >
      <p className="muted k-vendor__intro">{t('vendor.intro')}</p>
      <TextField label={t('vendor.name')} maxLength={200} {...field('name')} />
      <TextField
        label={t('vendor.nameEn')}
        hint={t('vendor.nameEnHint')}
        maxLength={200}
        lang="en"
        {...field('nameEn')}
      />
      <TextField label={t('vendor.email')} type="email" maxLength={320} {...field('email')} />
      <TextField
        label={t('vendor.website')}
        type="url"
        placeholder="https://"
        maxLength={2000}
        {...field('website')}
      />
      <div className="k-field">
        <label className="k-field__label" htmlFor="vendor-colour">
          {t('vendor.colour')}
        </label>
        <div className="k-vendor__colour">
          <input
            id="vendor-colour"
            type="color"
            value={form.colour}
            onChange={(e) => setForm((f) => ({ ...f, colour: e.target.value }))}
          />
          <input
            className="k-input mono"
            aria-label={t('vendor.colourCode')}
            value={form.colour}
            pattern="#[0-9a-fA-F]{6}"
            maxLength={7}
            onChange={(e) => setForm((f) => ({ ...f, colour: e.target.value }))}
          />
          <span
            className="k-vendor__swatch"
            style={{ background: /^#[0-9a-f]{6}$/i.test(form.colour) ? form.colour : 'transparent' }}
          />
        </div>
        <div className="k-field__hint">{t('vendor.colourHint')}</div>
      </div>
      <div className="k-field">
        <span className="k-field__label">{t('vendor.logo')}</span>
        <div className="k-vendor__logo">
          {vendor.logo ? (
            <img src={mediaUrl(vendor.logo.sha256)} alt={t('vendor.logo')} data-testid="vendor-logo" />
          ) : (
            <span className="muted">{t('vendor.noLogo')}</span>
          )}
          <Button size="sm" icon={<ImagePlus size={14} />} onClick={() => chooseLogo.mutate({})}>
            {t('vendor.chooseLogo')}
          </Button>
          {vendor.logo && (
            <Button
              size="sm"
              variant="ghost"
              icon={<Trash2 size={14} />}
              onClick={() => update.mutate({ logo: null })}
            >
              {t('vendor.removeLogo')}
            </Button>
          )}
        </div>
        <div className="k-field__hint">{t('vendor.logoHint')}</div>
      </div>
      {update.isError && <ErrorMessage error={update.error} />}
      {chooseLogo.isError && <ErrorMessage error={chooseLogo.error} />}
      <Button type="submit" variant="primary" disabled={!dirty || update.isPending}>
        {t('vendor.save')}
      </Button>
    </form>
  );
}

/** The vendor's name, contact, logo and colour: the FAQ site's brand. */
export function VendorCard() {
  const { t } = useTranslation('settings');
  const vendor = useApi('vendor:get', {});
  return (
    <Card title={t('vendor.title')}>
      {vendor.isPending ? (
        <Loading />
      ) : vendor.isError ? (
        <ErrorMessage error={vendor.error} />
      ) : (
        <VendorForm key={JSON.stringify(vendor.data)} vendor={vendor.data} />
      )}
      <SigningKey />
    </Card>
  );
}
