import type { MailTemplate, UserDomain } from '../store/admin.types';
import { DAY_MS } from './seed.constants';

/**
 * Mail templates (§11.8 [INFERRED]): one approved verification-code template in use by the first App, one
 * notification the reviewers rejected (with their note), one verification-code template still in review.
 * `at(daysBefore)` is the admin seed's time source, so the templates share its PRNG stream and stay deterministic.
 */
export function mailTemplateSeed(userDomains: readonly UserDomain[], at: (daysBefore: number) => number): MailTemplate[] {
  const template = (fields: Omit<MailTemplate, 'createTime' | 'updateTime'>, daysBefore: number): MailTemplate => {
    const createTime = at(daysBefore);
    return { ...fields, createTime, updateTime: createTime + (fields.reviewStatus === 0 ? 0 : DAY_MS) };
  };
  return [
    template(
      {
        templateId: 4201,
        templateName: 'Login code',
        templateType: 1,
        subject: 'Your verification code',
        content: '<p>Your verification code is <b>${code}</b>. It expires in 10 minutes.</p>',
        reviewStatus: 1,
        reviewNote: '',
        enabled: 1,
        userDomainList: [userDomains[0].userDomain],
      },
      150,
    ),
    template(
      {
        templateId: 4202,
        templateName: 'Firmware notice',
        templateType: 2,
        subject: 'A firmware update is available',
        content: '<p>Download the new firmware from http://files.example.net/fw.bin</p>',
        reviewStatus: 2,
        reviewNote: 'Links to external download sites are not allowed.',
        enabled: 0,
        userDomainList: [],
      },
      40,
    ),
    template(
      {
        templateId: 4203,
        templateName: 'Password reset',
        templateType: 1,
        subject: 'Reset your password',
        content: '<p>Use ${code} to reset your password.</p>',
        reviewStatus: 0,
        reviewNote: '',
        enabled: 0,
        userDomainList: [],
      },
      2,
    ),
  ];
}
