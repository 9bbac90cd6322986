import { ConfigError, loadConfig } from '../../src/config';

describe('inferred endpoint paths', () => {
  it('should default to the reference inference', () => {
    expect(loadConfig({}).inferredPaths).toEqual({
      projects: '/v2/quecproductmgr/r1/openapi/project',
      deviceGroups: '/v2/devicegroup/enterpriseapi',
      deviceUserList: '/v2/binding/enterpriseapi/deviceUserList',
      bindingWrites: '/v2/binding/enterpriseapi',
      sms: '/v2/sms/enterpriseapi',
      mail: '/v2/enduser/enterpriseapi',
      endUserAdmin: '/v2/enduser/enterpriseapi',
    });
  });

  it('should take overrides and drop a trailing slash from base paths', () => {
    const paths = loadConfig({
      QUEC_PATH_PROJECTS: '/v2/x/project/',
      QUEC_PATH_DEVICE_GROUPS: '/v2/dg/',
      QUEC_PATH_DEVICE_USER_LIST: '/v2/b/users',
      QUEC_PATH_BINDING: '/v2/b/',
      QUEC_PATH_SMS: '/v2/s/',
      QUEC_PATH_MAIL: '/v2/mail/',
      QUEC_PATH_END_USER_ADMIN: '/v2/eu/',
    }).inferredPaths;
    expect(paths).toEqual({
      projects: '/v2/x/project',
      deviceGroups: '/v2/dg',
      deviceUserList: '/v2/b/users',
      bindingWrites: '/v2/b',
      sms: '/v2/s',
      mail: '/v2/mail',
      endUserAdmin: '/v2/eu',
    });
  });

  it('should name the variable when a path is not a path', () => {
    expect(() => loadConfig({ QUEC_PATH_DEVICE_GROUPS: 'http://elsewhere' })).toThrow(ConfigError);
    expect(() => loadConfig({ QUEC_PATH_DEVICE_GROUPS: 'http://elsewhere' })).toThrow(/QUEC_PATH_DEVICE_GROUPS/);
  });
});
