import { toMailTemplate } from '../../src/resolvers/notifications/mail-template.mapper';
import { toMailAccount, toUserDomainList } from '../../src/resolvers/notifications/mail.mapper';

describe('toMailTemplate', () => {
  const row = {
    templateId: 4202,
    templateName: 'Firmware notice',
    templateType: 2,
    subject: 'Update',
    reviewStatus: 2,
    reviewNote: 'No links.',
    enabled: 0,
    userDomainList: ['C.DM.1.1'],
    createTime: 1730871805372,
    updateTime: '1730958205372',
  };

  it('should map a rejected row with its review note and no content', () => {
    expect(toMailTemplate(row)).toEqual({
      id: '4202',
      name: 'Firmware notice',
      type: 'NOTIFICATION',
      subject: 'Update',
      review: 'REJECTED',
      reviewNote: 'No links.',
      enabled: false,
      authorizedUserDomains: ['C.DM.1.1'],
      createdAt: new Date(1730871805372),
      updatedAt: new Date(1730958205372),
    });
  });

  it('should drop a review note that outlived its rejection', () => {
    expect(toMailTemplate({ ...row, reviewStatus: 0 })).toMatchObject({ review: 'PENDING', reviewNote: null });
    expect(toMailTemplate({ ...row, reviewStatus: 2, reviewNote: '' }).reviewNote).toBeNull();
  });

  it('should read type 1 as VERIFICATION_CODE and unknown codes as null / UNKNOWN', () => {
    expect(toMailTemplate({ ...row, templateType: 1, enabled: 1 })).toMatchObject({ type: 'VERIFICATION_CODE', enabled: true });
    expect(toMailTemplate({ ...row, templateType: 9, reviewStatus: 7 })).toMatchObject({ type: null, review: 'UNKNOWN', reviewNote: null });
    expect(toMailTemplate({ templateId: 1, templateName: 'bare' })).toMatchObject({
      type: null,
      subject: null,
      review: 'UNKNOWN',
      authorizedUserDomains: [],
      createdAt: null,
    });
  });
});

describe('toUserDomainList', () => {
  it('should keep domain strings and read anything else as none', () => {
    expect(toUserDomainList(['C.DM.1.1', 7, '', null, 'C.DM.1.2'])).toEqual(['C.DM.1.1', 'C.DM.1.2']);
    expect(toUserDomainList(null)).toEqual([]);
    expect(toUserDomainList('C.DM.1.1')).toEqual([]);
  });

  it('should give a mail account its authorized user domains', () => {
    expect(toMailAccount({ accountId: 1, accountName: 'a', userDomainList: ['C.DM.1.1'] }).authorizedUserDomains).toEqual(['C.DM.1.1']);
    expect(toMailAccount({ accountId: 1, accountName: 'a' }).authorizedUserDomains).toEqual([]);
  });
});
