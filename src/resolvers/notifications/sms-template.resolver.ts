import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { SmsTemplate, SmsTemplateConnection } from '../../schema/notifications/sms.type';
import {
  CreateSmsTemplateInput,
  SetSmsTemplateEnabledArgs,
  SetSmsTemplateUserDomainsArgs,
  SmsTemplateIdArgs,
} from '../../schema/notifications/sms.input';
import { PagingArgs } from '../../schema/paging.args';
import { toSmsTemplate } from './sms.mapper';
import { pageConnection } from '../connection';
import { RequiresScope } from '../../schema/requires-scope';

/** SMS templates and their user-domain authorization (reference §11.7, inferred endpoints). */
@Resolver()
export class SmsTemplateResolver {
  @RequiresScope('read')
  @Query(() => SmsTemplateConnection, { description: 'SMS templates.' })
  smsTemplates(@Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return pageConnection(
      'sms-templates',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.smsTemplatePage.load(pageNum),
      (row, cursor) => ({ cursor, node: toSmsTemplate(row) }),
    );
  }

  @RequiresScope('admin')
  @Mutation(() => SmsTemplate, {
    description:
      "Add an SMS template that names the provider's own template; the provider reviews it, so it starts PENDING (enabled, authorized to no user domain). Idempotent: no. Each call adds another template.",
  })
  async createSmsTemplate(@Arg('input', { description: 'The template.' }) input: CreateSmsTemplateInput, @Ctx() ctx: Context): Promise<SmsTemplate> {
    const stid = await ctx.apis.sms.createTemplate({ templateName: input.name, thirdTemplateId: input.providerTemplateId, content: input.content });
    return template(ctx, stid);
  }

  @RequiresScope('admin')
  @Mutation(() => SmsTemplate, { description: 'Enable or disable an SMS template; a REJECTED template cannot be enabled. Idempotent: yes.' })
  async setSmsTemplateEnabled(@Args() { id, enabled }: SetSmsTemplateEnabledArgs, @Ctx() ctx: Context): Promise<SmsTemplate> {
    await ctx.apis.sms.setTemplateEnabled(id, enabled);
    return template(ctx, id);
  }

  @RequiresScope('admin')
  @Mutation(() => ID, { description: 'Delete an SMS template; returns its id. Idempotent: no. A second delete is NOT_FOUND.' })
  async deleteSmsTemplate(@Args() { id }: SmsTemplateIdArgs, @Ctx() ctx: Context): Promise<string> {
    await ctx.apis.sms.deleteTemplate(id);
    return id;
  }

  @RequiresScope('admin')
  @Mutation(() => SmsTemplate, {
    description:
      'Set the user domains (Apps) allowed to send with an SMS template: the list replaces the current set, an empty list revokes all. Idempotent: yes.',
  })
  async setSmsTemplateUserDomains(@Args() { id, userDomains }: SetSmsTemplateUserDomainsArgs, @Ctx() ctx: Context): Promise<SmsTemplate> {
    await ctx.apis.sms.setTemplateUserDomains(id, userDomains);
    return template(ctx, id);
  }
}

/** The template as listed after a write (there is no detail call). */
async function template(ctx: Context, stid: string): Promise<SmsTemplate> {
  ctx.loaders.smsTemplatePage.clearAll();
  ctx.loaders.smsTemplateById.clear(stid);
  const dto = await ctx.loaders.smsTemplateById.load(stid);
  if (!dto) throw new NotFoundError(`SMS template ${stid} does not exist`);
  return toSmsTemplate(dto);
}
