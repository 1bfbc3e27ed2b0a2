import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The CAPTCHA providers whose widget renders itself into an element of its class once the
 * provider's script has loaded, and leaves its answer in a hidden input of the form.
 */
export const captchaProviders = {
  turnstile: { script: 'https://challenges.cloudflare.com/turnstile/v0/api.js', className: 'cf-turnstile', field: 'cf-turnstile-response' },
  hcaptcha: { script: 'https://js.hcaptcha.com/1/api.js', className: 'h-captcha', field: 'h-captcha-response' },
  recaptcha: { script: 'https://www.google.com/recaptcha/api.js', className: 'g-recaptcha', field: 'g-recaptcha-response' },
} as const;
export type CaptchaProvider = keyof typeof captchaProviders;

const isProvider = (name: string): name is CaptchaProvider => Object.hasOwn(captchaProviders, name);

/** The answer the provider's widget left in the form, if any. */
export function captchaToken(form: HTMLFormElement | null, provider: string): string | undefined {
  if (!form || !isProvider(provider)) return undefined;
  return form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${captchaProviders[provider].field}"]`)?.value || undefined;
}

/** The provider's widget, when the workspace asks for a CAPTCHA; its script is loaded once. */
export function CaptchaWidget({ provider, siteKey }: { provider: string; siteKey: string }) {
  const { t } = useTranslation('portal');
  useEffect(() => {
    if (!isProvider(provider)) return;
    const src = captchaProviders[provider].script;
    if (document.querySelector(`script[src="${src}"]`)) return;
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.defer = true;
    document.head.append(script);
  }, [provider]);
  if (!isProvider(provider)) return null;
  return (
    <div className="portal-captcha">
      <p className="field-hint">{t('request.captcha')}</p>
      <div className={captchaProviders[provider].className} data-sitekey={siteKey} />
    </div>
  );
}
