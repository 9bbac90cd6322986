import { toSmsSignature, toSmsTemplate } from '../../src/resolvers/notifications/sms.mapper';

describe('SMS signature and template mappers', () => {
  it('should map a signature row with its authorized user domains', () => {
    expect(
      toSmsSignature({ ssid: 'C4', signName: 'Acme', status: 0, enabled: 1, createTime: 1730871805372, userDomainList: ['C.DM.1.1', 'C.DM.1.2'] }),
    ).toEqual({
      id: 'C4',
      text: 'Acme',
      approval: 'PENDING',
      enabled: true,
      createdAt: new Date(1730871805372),
      authorizedUserDomains: ['C.DM.1.1', 'C.DM.1.2'],
    });
  });

  it('should map a template row with its authorized user domains', () => {
    const template = toSmsTemplate({
      stid: 'C2',
      templateName: 'Alert',
      thirdTemplateId: 'SMS_1',
      content: 'Hi ${name}',
      status: 2,
      enabled: 0,
      userDomainList: ['C.DM.1.1'],
    });
    expect(template).toMatchObject({
      id: 'C2',
      providerTemplateId: 'SMS_1',
      approval: 'REJECTED',
      enabled: false,
      authorizedUserDomains: ['C.DM.1.1'],
    });
  });

  it('should read a missing or malformed userDomainList as no domains', () => {
    expect(toSmsSignature({ ssid: 'C1', signName: 'A' }).authorizedUserDomains).toEqual([]);
    expect(toSmsSignature({ ssid: 'C1', signName: 'A', userDomainList: null }).authorizedUserDomains).toEqual([]);
    expect(toSmsTemplate({ stid: 'C1', templateName: 't', userDomainList: 'C.DM.1.1' as never }).authorizedUserDomains).toEqual([]);
    expect(toSmsTemplate({ stid: 'C1', templateName: 't', userDomainList: ['C.DM.1.1', 7, '', null] as never }).authorizedUserDomains).toEqual([
      'C.DM.1.1',
    ]);
  });
});
