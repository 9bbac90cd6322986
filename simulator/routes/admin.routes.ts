import type { RouteDefinition } from '../router';
import { endUserRoutes } from './enduser.routes';
import { bindingWriteRoutes } from './binding-write.routes';
import { queueRoutes } from './queue.routes';
import { subscribeRoutes } from './subscribe.routes';
import { projectRoutes } from './project.routes';
import { deviceGroupRoutes } from './device-group.routes';
import { smsRoutes } from './sms.routes';
import { mailRoutes } from './mail.routes';
import { mailTemplateRoutes } from './mail-template.routes';
import { userDomainProductRoutes } from './user-domain-product.routes';
import { thirdPartyLoginRoutes } from './third-party-login.routes';

/** Platform administration: queues and subscriptions (§6.6), end users and bindings (§6.7, §11.5), projects (§11.1), device groups (§11.6), SMS (§11.7), mail accounts and templates, user-domain product authorization and third-party login (§11.8). */
export const adminRoutes: readonly RouteDefinition[] = [
  ...queueRoutes,
  ...subscribeRoutes,
  ...endUserRoutes,
  ...bindingWriteRoutes,
  ...projectRoutes,
  ...deviceGroupRoutes,
  ...smsRoutes,
  ...mailRoutes,
  ...mailTemplateRoutes,
  ...userDomainProductRoutes,
  ...thirdPartyLoginRoutes,
];
