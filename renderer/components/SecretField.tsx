// A field for a new PIN or password: masked, never autofilled with a saved one, bounded like the
// contract's SecretSchema. Setup, adding a user and resetting a PIN use it, so they cannot differ.
import type { ComponentProps } from 'react';
import { Field } from './Field';

type SecretFieldProps = Omit<ComponentProps<typeof Field>, 'type' | 'autoComplete' | 'maxLength' | 'required'>;

export function SecretField(props: SecretFieldProps) {
  return <Field type="password" autoComplete="new-password" maxLength={128} required {...props} />;
}
