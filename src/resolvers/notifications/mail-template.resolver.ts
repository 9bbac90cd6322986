import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors';
import { MailTemplate, MailTemplateConnection } from '../../schema/notifications/mail-template.type';
import { MailTemplateType } from '../../schema/notifications/mail-template-type.enum';
import {
  CODE_PLACEHOLDER,
  CreateMailTemplateInput,
  SetMailTemplateEnabledArgs,
  UpdateMailTemplateInput,
} from '../../schema/notifications/mail-template.input';
import { SetMailUserDomainsArgs } from '../../schema/notifications/mail.input';
import { PagingArgs } from '../../schema/paging.args';
import { PlatformIdArgs } from '../../schema/platform-id.args';
import { MAIL_TEMPLATE_TYPE_CODES, toMailTemplate } from './mail-template.mapper';
import { pageConnection } from '../connection';
import { RequiresScope } from '../../schema/requires-scope';

const PLACEHOLDER_RULE = `a VERIFICATION_CODE template's content must contain ${CODE_PLACEHOLDER}`;

/** Mail templates for end users (reference §11.8, inferred endpoints). */
@Resolver(() => MailTemplate)
export class MailTemplateResolver {
  @RequiresScope('read')
  @Query(() => MailTemplateConnection, { description: 'Mail templates, in platform order.' })
  mailTemplates(@Args() paging: PagingArgs, @Ctx() ctx: Context) {
    return pageConnection(
      'mail-templates',
      paging,
      ctx.pageSize,
      (pageNum) => ctx.loaders.mailTemplatePage.load(pageNum),
      (row, cursor) => ({ cursor, node: toMailTemplate(row) }),
    );
  }

  @RequiresScope('read')
  @Query(() => MailTemplate, { nullable: true, description: 'One mail template by id; null when it does not exist.' })
  async mailTemplate(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<MailTemplate | null> {
    const dto = await ctx.loaders.mailTemplateById.load(Number(id));
    return dto ? toMailTemplate(dto) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Mail body. Lists do not carry it: it costs one upstream call per template, made only when this field is selected; null when the template is gone.',
  })
  async content(@Root() template: MailTemplate, @Ctx() ctx: Context): Promise<string | null> {
    return template.content !== undefined ? template.content : ctx.loaders.mailTemplateContent.load(Number(template.id));
  }

  @RequiresScope('admin')
  @Mutation(() => MailTemplate, {
    description:
      'Add a mail template; it starts in review (PENDING) and disabled. A VERIFICATION_CODE template must contain `${code}`. Each call adds a template. Idempotent: no.',
  })
  async createMailTemplate(
    @Arg('input', { description: 'The template.' }) input: CreateMailTemplateInput,
    @Ctx() ctx: Context,
  ): Promise<MailTemplate> {
    if (input.type === MailTemplateType.VERIFICATION_CODE && !input.content.includes(CODE_PLACEHOLDER))
      throw new BadUserInputError(PLACEHOLDER_RULE, 'input');
    const id = await ctx.apis.mailTemplates.createTemplate({
      templateName: input.name,
      templateType: MAIL_TEMPLATE_TYPE_CODES[input.type],
      subject: input.subject,
      content: input.content,
    });
    return template(ctx, id);
  }

  @RequiresScope('admin')
  @Mutation(() => MailTemplate, {
    description:
      'Change a mail template. Changing its type, subject or content sends it back to review (PENDING) and disables it; a rename does not. When only one of type and content is given, the other is read first to check the `${code}` rule. Idempotent: yes.',
  })
  async updateMailTemplate(
    @Arg('input', { description: 'The template and its changes.' }) input: UpdateMailTemplateInput,
    @Ctx() ctx: Context,
  ): Promise<MailTemplate> {
    const id = Number(input.id);
    const changes = {
      templateName: input.name ?? undefined,
      templateType: input.type ? MAIL_TEMPLATE_TYPE_CODES[input.type] : undefined,
      subject: input.subject ?? undefined,
      content: input.content ?? undefined,
    };
    if (Object.values(changes).every((v) => v === undefined)) throw new BadUserInputError('Nothing to change', 'input');
    await checkPlaceholder(ctx, id, input.type ?? null, input.content ?? null);
    await ctx.apis.mailTemplates.updateTemplate(id, changes);
    ctx.loaders.mailTemplateContent.clear(id);
    return template(ctx, id);
  }

  @RequiresScope('admin')
  @Mutation(() => MailTemplate, {
    description:
      'Enable or disable a mail template. Enabling one that is PENDING (upstream 5436) or REJECTED (5437) fails with BAD_USER_INPUT. Idempotent: yes.',
  })
  async setMailTemplateEnabled(@Args() { id, enabled }: SetMailTemplateEnabledArgs, @Ctx() ctx: Context): Promise<MailTemplate> {
    await ctx.apis.mailTemplates.setTemplateEnabled(Number(id), enabled);
    return template(ctx, Number(id));
  }

  @RequiresScope('admin')
  @Mutation(() => ID, { description: 'Delete a mail template; returns its id. A second delete is NOT_FOUND. Idempotent: no.' })
  async deleteMailTemplate(@Args() { id }: PlatformIdArgs, @Ctx() ctx: Context): Promise<string> {
    await ctx.apis.mailTemplates.deleteTemplate(Number(id));
    ctx.loaders.mailTemplatePage.clearAll();
    ctx.loaders.mailTemplateById.clear(Number(id));
    ctx.loaders.mailTemplateContent.clear(Number(id));
    return id;
  }

  @RequiresScope('admin')
  @Mutation(() => MailTemplate, {
    description:
      'Set the user domains (Apps) allowed to use a mail template, replacing the current set ([] revokes all). An unknown domain is NOT_FOUND (upstream 5015). Idempotent: yes.',
  })
  async setMailTemplateUserDomains(@Args() { id, userDomains }: SetMailUserDomainsArgs, @Ctx() ctx: Context): Promise<MailTemplate> {
    await ctx.apis.mailTemplates.setTemplateUserDomains(Number(id), userDomains);
    return template(ctx, Number(id));
  }
}

/**
 * Refuses content without `${code}` for a verification-code template before the write. When the change names only
 * the type or only the content, the other half is read (the list row for the type, the content call for the
 * content); an unknown template is left for upstream to refuse.
 */
async function checkPlaceholder(ctx: Context, id: number, type: MailTemplateType | null, content: string | null): Promise<void> {
  if (content === null && type !== MailTemplateType.VERIFICATION_CODE) return;
  const resultingType = type ?? (await ctx.loaders.mailTemplateById.load(id).then((dto) => (dto ? toMailTemplate(dto).type : null)));
  if (resultingType !== MailTemplateType.VERIFICATION_CODE) return;
  const resultingContent = content ?? (await ctx.loaders.mailTemplateContent.load(id));
  if (resultingContent !== null && !resultingContent.includes(CODE_PLACEHOLDER)) throw new BadUserInputError(PLACEHOLDER_RULE, 'input');
}

/** The template as listed after a write (there is no detail call). */
async function template(ctx: Context, id: number): Promise<MailTemplate> {
  ctx.loaders.mailTemplatePage.clearAll();
  ctx.loaders.mailTemplateById.clear(id);
  const dto = await ctx.loaders.mailTemplateById.load(id);
  if (!dto) throw new NotFoundError(`Mail template ${id} does not exist`);
  return toMailTemplate(dto);
}
