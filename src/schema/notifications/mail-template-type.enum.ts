import { registerEnumType } from 'type-graphql';

export enum MailTemplateType {
  VERIFICATION_CODE = 'VERIFICATION_CODE',
  NOTIFICATION = 'NOTIFICATION',
}
registerEnumType(MailTemplateType, {
  name: 'MailTemplateType',
  description:
    'What a mail template is for. The platform does not document the codes (1, 2) behind these values publicly; this mapping is our best reading.',
  valuesConfig: {
    VERIFICATION_CODE: {
      description: 'Sign-up, sign-in or reset mail carrying a one-time code; the content must contain `${code}` (platform type 1).',
    },
    NOTIFICATION: { description: 'Any other mail to end users (platform type 2).' },
  },
});
