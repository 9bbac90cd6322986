import { toPageFromPageInfo } from '../../src/datasources/platform/page';
import { toMessageQueue, toMessageSubscription, toMessageSubscriptionFromDetail, toMessageTypes } from '../../src/resolvers/messaging/rule.mapper';
import { toBindingRole, toBoundEndUser, toEndUser, toUserDomain } from '../../src/resolvers/end-users/end-user.mapper';

describe('toPageFromPageInfo', () => {
  it('should take rows from list, the total and the served page size from PageInfo', () => {
    expect(toPageFromPageInfo({ total: 23, list: [1, 2, 3], pageNum: 2, pageSize: 3, pages: 8 })).toEqual({
      rows: [1, 2, 3],
      total: 23,
      pageSize: 3,
    });
  });

  it('should accept a numeric-string total (int64 serialised as text)', () => {
    expect(toPageFromPageInfo({ total: '7', list: ['a'] })).toEqual({ rows: ['a'], total: 7 });
  });

  it('should treat a missing PageInfo or list as an empty page', () => {
    expect(toPageFromPageInfo(null)).toEqual({ rows: [], total: 0 });
    expect(toPageFromPageInfo({ total: 4, list: null })).toEqual({ rows: [], total: 4 });
  });

  it('should fall back to the row count when the total is missing', () => {
    expect(toPageFromPageInfo({ list: ['a', 'b'] })).toEqual({ rows: ['a', 'b'], total: 2 });
  });
});

describe('rule mappers', () => {
  it('should map a queue row with its ms-string time', () => {
    expect(
      toMessageQueue({ id: 6611, queueName: 'a.1.q', queueDesc: '', status: 2, isFree: 1, createTime: '1730871805372', updateTime: null }),
    ).toEqual({
      id: '6611',
      name: 'a.1.q',
      description: null,
      status: 'SUSPENDED',
      free: true,
      createdAt: new Date(1730871805372),
    });
  });

  it('should map list levels and a string queueId', () => {
    const sub = toMessageSubscription({
      subscribeId: 1,
      subscribeName: 's',
      queueId: '6611',
      queueName: 'a.1.q',
      status: 1,
      subscribeLevel: 3,
      createTime: 1730871813000,
    });
    expect(sub).toMatchObject({ id: '1', queueId: '6611', status: 'RUNNING', level: 'DEVICE' });
  });

  it('should parse comma-separated msgType ids and drop unknown ones', () => {
    expect(toMessageTypes('1,2,12, 13,999,201')).toEqual(['DEVICE_ONLINE_OFFLINE', 'DEVICE_STATUS', 'LOCATION_RAW', 'LOCATION', 'END_USER_CHANGED']);
    expect(toMessageTypes(null)).toEqual([]);
  });

  it('should read detail dataLevel 4 as SaaS and blank keys as null', () => {
    const sub = toMessageSubscriptionFromDetail({
      subscribeId: 2,
      subscribeName: 's',
      dataLevel: 4,
      msgType: '101',
      queueId: 1,
      queueName: 'q',
      productKey: '',
      deviceKey: '',
      status: 0,
    });
    expect(sub.level).toBe('SAAS');
    expect(sub.detail).toMatchObject({ productKey: null, deviceKey: null, messageTypes: ['PRODUCT_CHANGED'] });
  });
});

describe('end-user mappers', () => {
  it('should map a user domain without any secret field', () => {
    const domain = toUserDomain({ userDomainId: 5, userDomain: 'C.DM.1.1', enable: false, addTime: 1665280943221 } as never);
    expect(domain).toEqual({
      id: '5',
      domain: 'C.DM.1.1',
      type: null,
      remark: null,
      enabled: false,
      createdAt: new Date(1665280943221),
      updatedAt: null,
    });
  });

  it('should map status 0/1 and (sic) nikeName', () => {
    expect(toEndUser({ uid: 'C1', userDomain: 'd', nikeName: 'Ava', status: 0 })).toMatchObject({ nickname: 'Ava', status: 'DISABLED' });
    expect(toEndUser({ uid: 'C1', userDomain: 'd', status: 1 }).status).toBe('ENABLED');
  });

  it('should leave detail-only fields unset on bound-user rows so they load on demand', () => {
    const user = toBoundEndUser({ uid: 'C1', userDomain: 'd', lastLoginTime: '2025-01-01 00:00:00', lastLoginTimeTs: 1735660800000 });
    expect(user).not.toHaveProperty('status');
    expect(user.lastLoginAt).toEqual(new Date(1735660800000));
  });

  it('should map deviceType to a binding role', () => {
    expect([1, 2, 3, null].map(toBindingRole)).toEqual(['OWNER', 'SHARED', null, null]);
  });
});
