/**
 * The one list of upstream endpoints that only read: the only ones a retry may send twice. Everything not named here
 * (commands/downlinks, every create, update, delete, bind, enable, start/stop) is a write and is sent at most once.
 * An allowlist, so a new endpoint is a write until someone decides otherwise. Names are the `endpoint` each
 * datasource passes to `PlatformClient.request`. Some reads are POSTs (`queue.list`, `subscribe.list`) and one GET
 * writes (`enduser.setUserStatus`), so the HTTP method cannot decide this. `binding.verifyBindingCode` stays out:
 * the platform may count failed code checks, so it is treated like a write.
 */
export const READ_ENDPOINTS: ReadonlySet<string> = new Set([
  'binding.deviceUserList',
  'binding.userDeviceList',
  'binding.userListByBind',
  'device.detail',
  'device.location',
  'device.overview',
  'device.resource',
  'enduser.domainList',
  'enduser.domainProductAuthList',
  'enduser.domainUserList',
  'enduser.getThirdpartyConfig',
  'enduser.productAuthDomainList',
  'enduser.userInfo',
  'gateway.ofChild',
  'gateway.subList',
  'group.devices',
  'group.info',
  'group.list',
  'group.ofDevice',
  'group.taskDetail',
  'group.tasks',
  'history.data',
  'history.event',
  'mail.accountList',
  'mail.templateContent',
  'mail.templateList',
  'product.detail',
  'product.list',
  'project.overview',
  'project.products',
  'queue.detail',
  'queue.list',
  'sms.accountList',
  'sms.signList',
  'sms.templateList',
  'subscribe.detail',
  'subscribe.list',
  'tsl.export',
]);

export function isReadEndpoint(endpoint: string): boolean {
  return READ_ENDPOINTS.has(endpoint);
}

/**
 * The circuit-breaker family of an endpoint: the part of its name before the first dot (`device.detail` ->
 * `device`). Endpoints of one family sit behind the same platform service, so they fail together.
 */
export function endpointFamily(endpoint: string): string {
  const dot = endpoint.indexOf('.');
  return dot > 0 ? endpoint.slice(0, dot) : endpoint;
}
