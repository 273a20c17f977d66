import { TextField } from '../../components';
import { type MessageKey, useT } from '../../i18n';
import type { FieldErrors } from './forms';

export type NewPasswordField = 'password' | 'repeat';
export const NEW_PASSWORD_ORDER: readonly NewPasswordField[] = ['password', 'repeat'];

/** The password rules, shown before a person chooses (the server holds the same rules). */
export function PasswordRules({ id }: { id: string }) {
  const { t } = useT();
  return (
    <div className="ovs-rules" id={id}>
      <p className="utrecht-paragraph ovs-rules__title">{t('auth.rules.title')}</p>
      <p className="utrecht-paragraph">{t('auth.rules.intro')}</p>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">{t('auth.rules.length')}</li>
        <li className="utrecht-unordered-list__item">{t('auth.rules.notEmail')}</li>
      </ul>
      <p className="utrecht-paragraph">{t('auth.rules.tip')}</p>
    </div>
  );
}

/** The same checks as the server's: at least 12 characters, not the e-mail address; both equal. */
export function checkNewPassword(
  password: string,
  repeat: string,
  email: string | undefined,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): FieldErrors<NewPasswordField> {
  const errors: FieldErrors<NewPasswordField> = {};
  const length = [...password].length;
  const p = password.trim().toLowerCase();
  const e = (email ?? '').trim().toLowerCase();
  if (length === 0) errors.password = t('auth.error.newPasswordMissing');
  else if (length < 12) errors.password = t('auth.error.passwordShort', { count: length });
  else if (e && (p === e || p === e.split('@')[0])) errors.password = t('auth.error.passwordIsEmail');
  if (!errors.password) {
    if (repeat.length === 0) errors.repeat = t('auth.error.repeatMissing');
    else if (repeat !== password) errors.repeat = t('auth.error.repeatMismatch');
  }
  return errors;
}

/** New password and its repetition, with `autocomplete="new-password"` for password managers. */
export function NewPasswordFields({
  ids,
  password,
  repeat,
  errors,
  onPassword,
  onRepeat,
  rulesId,
}: {
  ids: Record<NewPasswordField, string>;
  password: string;
  repeat: string;
  errors: FieldErrors<NewPasswordField>;
  onPassword(value: string): void;
  onRepeat(value: string): void;
  rulesId: string;
}) {
  const { t } = useT();
  return (
    <>
      <TextField
        id={ids.password}
        label={t('auth.field.newPassword')}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        value={password}
        error={errors.password}
        onChange={(e) => onPassword(e.target.value)}
        aria-details={rulesId}
      />
      <TextField
        id={ids.repeat}
        label={t('auth.field.repeatPassword')}
        type="password"
        name="repeat-password"
        autoComplete="new-password"
        required
        value={repeat}
        error={errors.repeat}
        onChange={(e) => onRepeat(e.target.value)}
      />
    </>
  );
}
